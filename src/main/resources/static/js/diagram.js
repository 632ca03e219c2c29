// The whole lifecycle's BPMN (bpmn-js navigated viewer), drawn when the person opens it: it opens at the step where
// the recommendation stands, at a size its labels can be read, with buttons to zoom and to see the whole process.
(function () {
  'use strict';
  var disclosure = document.getElementById('whole-process');
  var container = document.getElementById('diagram');
  if (!disclosure || !container) { return; }
  // At this scale the diagram's 12px labels read at 14px or more.
  var READABLE = 1.2;
  var viewer = null;

  var list = function (name) {
    var value = container.getAttribute(name);
    return value ? value.split(',') : [];
  };

  var currentElements = function () {
    var registry = viewer.get('elementRegistry');
    return list('data-current').map(function (id) { return registry.get(id); }).filter(Boolean);
  };

  // The steps it stands at, centred, with their neighbours around them; the whole process when it stands nowhere.
  var showCurrent = function () {
    var canvas = viewer.get('canvas');
    var elements = currentElements();
    if (!elements.length) { canvas.zoom('fit-viewport'); return; }
    var left = Math.min.apply(null, elements.map(function (e) { return e.x; }));
    var top = Math.min.apply(null, elements.map(function (e) { return e.y; }));
    var right = Math.max.apply(null, elements.map(function (e) { return e.x + e.width; }));
    var bottom = Math.max.apply(null, elements.map(function (e) { return e.y + e.height; }));
    var width = container.clientWidth / READABLE;
    var height = container.clientHeight / READABLE;
    canvas.viewbox({ x: (left + right) / 2 - width / 2, y: (top + bottom) / 2 - height / 2, width: width, height: height });
  };

  var zoomBy = function (factor) {
    var canvas = viewer.get('canvas');
    canvas.zoom(canvas.zoom() * factor, 'auto');
  };

  var draw = function () {
    viewer = new BpmnJS({ container: container });
    fetch(container.getAttribute('data-xml'), { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('The diagram could not be loaded (' + response.status + ').'); }
        return response.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        list('data-visited').forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'visited'); } });
        list('data-current').forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'current'); } });
        showCurrent();
        container.setAttribute('data-ready', 'true');
      })
      .catch(function (error) {
        container.textContent = error.message;
        container.setAttribute('data-ready', 'failed');
      });
  };

  disclosure.addEventListener('toggle', function () {
    if (disclosure.open && !viewer) { draw(); }
  });
  if (disclosure.open) { draw(); }

  disclosure.querySelectorAll('button[data-zoom]').forEach(function (button) {
    button.addEventListener('click', function () {
      if (!viewer || container.getAttribute('data-ready') !== 'true') { return; }
      var zoom = button.getAttribute('data-zoom');
      if (zoom === 'in') { zoomBy(1.25); }
      if (zoom === 'out') { zoomBy(0.8); }
      if (zoom === 'current') { showCurrent(); }
      if (zoom === 'whole') { viewer.get('canvas').zoom('fit-viewport'); }
    });
  });
})();
