// For the page that embeds charts as iframes (embed.html): sizes each chart iframe to the
// height its chart wants, so it never scrolls or leaves a gap. Optional: without it the chart
// squeezes itself into the iframe's height.
//
//   <script src="https://…/www/embed-host.js" async></script>   (once per page, anywhere)
//
// A classic script, not a module, so it works wherever a <script src> is allowed. It only
// resizes the iframe that sent the message (matched by event.source), so another frame
// cannot resize anything but itself. Setting style.height goes through the CSSOM, which a
// strict `style-src 'self'` CSP allows.
(function () {
  if (window.__ttcEmbedHost) return; // included twice: listen once
  window.__ttcEmbedHost = true;
  addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "ttc:height" || typeof data.height !== "number") return;
    if (!(data.height > 0 && data.height <= 10000)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(data.height) + "px";
        return;
      }
    }
  });
})();
