/* Batch page: while verdicts are still being written, ask the status endpoint every half second and reload once the
   batch is complete. Plain ES5; without it the page simply shows the pending note and can be reloaded by hand. */
(function () {
    var pending = document.getElementById('batch-pending');
    if (!pending || !window.XMLHttpRequest) { return; }
    var url = pending.getAttribute('data-status-url');
    var tries = 0;
    function poll() {
        var xhr = new XMLHttpRequest();
        xhr.open('GET', url);
        xhr.onload = function () {
            var done = false;
            try { done = xhr.status === 200 && JSON.parse(xhr.responseText).complete === true; } catch (e) { done = false; }
            if (done) { window.location.reload(); } else if (++tries < 240) { window.setTimeout(poll, 500); }
        };
        xhr.onerror = function () { if (++tries < 240) { window.setTimeout(poll, 2000); } };
        xhr.send();
    }
    window.setTimeout(poll, 300);
}());
