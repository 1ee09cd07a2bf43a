// www/static.html: says in the heading when the pre-rendered chart has been taken over.
const pre = document.querySelector("trade-target-chart[rendered]");
pre?.addEventListener("ttc:render", () => {
  document.getElementById("pre-state").textContent = "taken over";
}, { once: true });
