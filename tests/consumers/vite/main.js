// What a developer writes after `npm install trade-target-chart`: no config, no wasm plugin.
import { mount } from "trade-target-chart";
import "trade-target-chart/element";

mount(document.getElementById("c"));
