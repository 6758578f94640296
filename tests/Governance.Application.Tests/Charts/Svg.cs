using System.Xml.Linq;

namespace Governance.Application.Tests.Charts;

/// <summary>A rendered chart read back as XML, for the tests to check what it draws.</summary>
internal sealed class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public Svg(string markup)
    {
        Root = XDocument.Parse(markup).Root!;
    }

    public XElement Root { get; }

    public string Title => Root.Element(Ns + "title")!.Value;

    /// <summary>The elements of <paramref name="name"/> whose class list holds <paramref name="cssClass"/>.</summary>
    public IReadOnlyList<XElement> All(string name, string cssClass) =>
        [.. Root.Descendants(Ns + name).Where(element => ((string?)element.Attribute("class"))?.Split(' ').Contains(cssClass) == true)];

    public IReadOnlyList<string> Texts(string cssClass) => [.. All("text", cssClass).Select(text => text.Value)];

    public static string Attribute(XElement element, string name) => (string)element.Attribute(name)!;

    public static (string X, string Y, string Width) Box(XElement rect) => (Attribute(rect, "x"), Attribute(rect, "y"), Attribute(rect, "width"));
}
