using System.Net;

namespace CareerPath.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AccessTests(CareerPathAppFactory app)
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/assessment")]
    [InlineData("/roadmap")]
    [InlineData("/goals")]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/Account/Manage/DeletePersonalData")]
    public async Task Personal_pages_send_an_anonymous_visitor_to_sign_in(string path)
    {
        var response = await app.CreateBrowserlessClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/Account/Login", location);
        Assert.Contains(Uri.EscapeDataString(path), location, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/roles")]
    [InlineData("/tracks")]
    [InlineData("/skills")]
    [InlineData("/certifications")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    public async Task Public_pages_answer_anonymous_visitors(string path)
    {
        var response = await app.CreateBrowserlessClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
