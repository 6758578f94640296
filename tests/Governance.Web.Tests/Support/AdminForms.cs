using System.Net;
using System.Text.RegularExpressions;

namespace Governance.Web.Tests.Support;

/// <summary>Sends an admin page's forms over HTTP as a browser would: with the antiforgery token of the page it was read from.</summary>
public static partial class AdminForms
{
    /// <summary>Reads <paramref name="path"/>, then posts <paramref name="fields"/> to its <paramref name="handler"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var form = fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(form));
    }

    /// <summary>The secret an answer shows once.</summary>
    public static string SecretOf(string html) => SecretValue().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"no secret in the answer: {html[html.IndexOf("<main>", StringComparison.Ordinal)..][..Math.Min(2000, html.Length - html.IndexOf("<main>", StringComparison.Ordinal))]}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<code data-testid=\"secret-value\">([^<]+)</code>")]
    private static partial Regex SecretValue();
}
