/* Upload progress for the photo form: plain ES5 + XMLHttpRequest (works on old desktop browsers). Without this
   script the form still posts normally. */
(function () {
    var form = document.getElementById('upload-form');
    if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
    var bar = document.getElementById('upload-progress');
    var status = document.getElementById('upload-status');
    form.addEventListener('submit', function (e) {
        e.preventDefault();
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.getAttribute('action') || window.location.href);
        bar.hidden = false;
        status.hidden = false;
        status.textContent = status.getAttribute('data-text');
        document.getElementById('upload-submit').disabled = true;
        xhr.upload.onprogress = function (ev) {
            if (ev.lengthComputable) { bar.firstChild.style.width = Math.round(ev.loaded * 100 / ev.total) + '%'; }
        };
        xhr.onload = function () {
            var moved = xhr.responseURL && xhr.responseURL !== window.location.href && xhr.status === 200;
            if (moved && !(window.history && window.history.pushState)) {
                window.location.href = xhr.responseURL;
                return;
            }
            if (moved) {
                // The upload was answered with the batch page (verdicts included): show it as it is instead of loading
                // it a second time, under its own address so that reload and back behave as after a normal post.
                window.history.pushState(null, '', xhr.responseURL);
            }
            document.open();
            document.write(xhr.responseText);
            document.close();
        };
        xhr.onerror = function () { form.submit(); };
        xhr.send(new FormData(form));
    });
}());
