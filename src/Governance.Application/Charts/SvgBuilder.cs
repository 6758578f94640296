using System.Globalization;
using System.Text;

namespace Governance.Application.Charts;

/// <summary>
/// Writes one self-contained <c>&lt;svg&gt;</c>: a view box, <c>role="img"</c> with an <c>aria-label</c>, a <c>&lt;title&gt;</c>, a
/// default style that any page style overrides, and elements whose every text and attribute value is XML-escaped.
/// </summary>
internal sealed class SvgBuilder
{
    // Zero specificity (:where), so that the page's own rules for these classes always win.
    private const string DefaultStyle =
        ":where(.chart) text{font:12px sans-serif;fill:#333}" +
        ":where(.chart .value){font-size:11px}" +
        ":where(.chart .axis,.chart .grid){stroke:#bbb;stroke-width:1}" +
        ":where(.chart .line){fill:none;stroke:#1f5fa8;stroke-width:2}" +
        ":where(.chart .point){fill:#1f5fa8}" +
        ":where(.chart .series-0){fill:#1f5fa8}:where(.chart .series-1){fill:#e08a1e}:where(.chart .series-2){fill:#3a9a5b}" +
        ":where(.chart .series-3){fill:#8c56b8}:where(.chart .series-4){fill:#c23b3b}:where(.chart .series-5){fill:#6b7a8c}" +
        ":where(.chart .series-critical,.chart .point.level-critical){fill:#a61b1b}:where(.chart .series-high,.chart .point.level-high){fill:#e0661e}" +
        ":where(.chart .series-medium,.chart .point.level-medium){fill:#e6b422}:where(.chart .series-low,.chart .point.level-low){fill:#7fb069}" +
        ":where(.chart .series-none,.chart .point.level-none){fill:#c9ced6}";

    private readonly StringBuilder _svg = new();

    public SvgBuilder(string kind, double width, double height, string title, string? description = null)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {kind}\" viewBox=\"0 0 {Number(width)} {Number(height)}\" ")
            .Append(CultureInfo.InvariantCulture, $"role=\"img\" aria-label=\"{Escape(title)}\"><title>{Escape(title)}</title>");
        if (description is not null)
        {
            _svg.Append(CultureInfo.InvariantCulture, $"<desc>{Escape(description)}</desc>");
        }

        _svg.Append(CultureInfo.InvariantCulture, $"<style>{DefaultStyle}</style>");
    }

    /// <summary>A chart with nothing to draw: its title, and "No data" in the middle.</summary>
    public static string NoData(string kind, double width, double height, string title) =>
        new SvgBuilder($"{kind} chart-empty", width, height, $"{title}: no data")
            .Text(width / 2, height / 2, "No data", "empty", "middle")
            .Build();

    public SvgBuilder Rect(double x, double y, double width, double height, string cssClass, string tooltip)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{Escape(cssClass)}\" x=\"{Number(x)}\" y=\"{Number(y)}\" width=\"{Number(width)}\" height=\"{Number(height)}\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{Escape(tooltip)}</title></rect>");
        return this;
    }

    public SvgBuilder Circle(double x, double y, double radius, string cssClass, string tooltip)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"{Escape(cssClass)}\" cx=\"{Number(x)}\" cy=\"{Number(y)}\" r=\"{Number(radius)}\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{Escape(tooltip)}</title></circle>");
        return this;
    }

    public SvgBuilder Line(double x1, double y1, double x2, double y2, string cssClass)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{Escape(cssClass)}\" x1=\"{Number(x1)}\" y1=\"{Number(y1)}\" x2=\"{Number(x2)}\" y2=\"{Number(y2)}\"/>");
        return this;
    }

    public SvgBuilder Polyline(IEnumerable<(double X, double Y)> points, string cssClass)
    {
        var coordinates = string.Join(' ', points.Select(point => $"{Number(point.X)},{Number(point.Y)}"));
        _svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{Escape(cssClass)}\" points=\"{coordinates}\"/>");
        return this;
    }

    /// <summary>Text at (x, y); <paramref name="anchor"/> is start, middle or end.</summary>
    public SvgBuilder Text(double x, double y, string text, string cssClass, string anchor = "start")
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{Escape(cssClass)}\" x=\"{Number(x)}\" y=\"{Number(y)}\" text-anchor=\"{anchor}\">{Escape(text)}</text>");
        return this;
    }

    public string Build() => _svg.Append("</svg>").ToString();

    /// <summary>A value as the chart prints it: invariant, at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text with &amp; &lt; &gt; " ' escaped, and any character XML cannot hold (controls, lone surrogates) replaced by U+FFFD, so
    /// that a label can neither end an element nor make the document unreadable.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }

            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                '\t' or '\n' or '\r' => c.ToString(),
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A CSS class name made of <paramref name="name"/>: lower-case letters and digits, other runs as one hyphen.</summary>
    public static string ClassName(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
