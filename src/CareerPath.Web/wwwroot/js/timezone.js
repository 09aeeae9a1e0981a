// Tells the server the browser's time zone (an IANA id such as "Europe/Berlin"), so "today" can be the user's own
// day: sign-in and registration store it in the profile when the profile has none yet.
(function () {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
            document.cookie = "CareerPath.TimeZone=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
        }
    } catch (e) {
        // No Intl support: the server keeps UTC until the user chooses a zone in their profile.
    }
})();
