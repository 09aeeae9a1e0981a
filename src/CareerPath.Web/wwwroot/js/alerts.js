// An error that appears after an action is brought into view and given focus, so on a phone it is never off-screen
// and a screen reader reads it where the user now is. role="alert" already announces it; this only moves there.
(function () {
    function bringIntoView(alert) {
        if (!alert.isConnected || alert.offsetParent === null) {
            return;
        }

        var box = alert.getBoundingClientRect();
        if (!alert.hasAttribute("tabindex")) {
            alert.setAttribute("tabindex", "-1");
        }

        alert.focus({ preventScroll: true });
        if (box.top < 0 || box.bottom > window.innerHeight) {
            alert.scrollIntoView({ block: "center" });
        }
    }

    new MutationObserver(function (records) {
        records.forEach(function (record) {
            record.addedNodes.forEach(function (node) {
                if (node.nodeType !== 1) {
                    return;
                }

                var alert = node.matches("[role=alert]") ? node : node.querySelector("[role=alert]");
                if (alert && alert.id !== "blazor-error-ui") {
                    bringIntoView(alert);
                }
            });
        });
    }).observe(document.documentElement, { childList: true, subtree: true });
})();
