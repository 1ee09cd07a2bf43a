// www/static.html: says in the heading if the pre-rendered chart is ever drawn anew (a spec
// change); its tooltips never need that.
const pre = document.querySelector("trade-target-chart[rendered]");
pre?.addEventListener("ttc:render", () => {
  document.getElementById("pre-state").textContent = "drawn anew";
}, { once: true });
