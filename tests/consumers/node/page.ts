// The same package in a browser project (tsconfig.dom.json): mount takes a real HTMLElement.
import { mount } from "trade-target-chart";

const chart = await mount(document.createElement("div"), { kind: "bars" });
chart.element.style.width = "640px";
// @ts-expect-error: with the DOM lib, mount wants an HTMLElement, not any object
await mount({ nodeType: 1 });
