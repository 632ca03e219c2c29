// Draws the lifecycle's BPMN (bpmn-js viewer) and marks where the recommendation stands and where it has been.
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  if (!container) { return; }
  var list = function (name) {
    var value = container.getAttribute(name);
    return value ? value.split(',') : [];
  };
  var viewer = new BpmnJS({ container: container });
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
      canvas.zoom('fit-viewport');
      container.setAttribute('data-ready', 'true');
    })
    .catch(function (error) {
      container.textContent = error.message;
      container.setAttribute('data-ready', 'failed');
    });
})();
