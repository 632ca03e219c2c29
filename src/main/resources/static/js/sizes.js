// Sizes and shades the server computed for a page (a chart's height, a bar's width, a table cell's shade) come as
// data-height, data-width and data-shade; this sets them as the CSS variables --height, --width and --shade, which
// rectify.css uses. The pages' Content-Security-Policy refuses style attributes, not styles a script of the page's
// own origin sets.
(function () {
  'use strict';
  ['height', 'width', 'shade'].forEach(function (name) {
    document.querySelectorAll('[data-' + name + ']').forEach(function (element) {
      element.style.setProperty('--' + name, element.getAttribute('data-' + name));
    });
  });
})();
