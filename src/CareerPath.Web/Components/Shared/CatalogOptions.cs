using System.Runtime.CompilerServices;
using CareerPath.Domain.Catalog;
using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Components.Shared;

/// <summary>
/// The options of the selects that list a framework version's roles or skills, written once per catalog as markup and
/// shared by every open page: a live page keeps its render tree for as long as it is open, and a select of every role
/// or skill is otherwise an element, an attribute and a text for each. Names come from frameworks users import or
/// edit, so they go through an HTML encoder. The select's value, set by the page, picks the option.
/// </summary>
public sealed class CatalogOptions
{
    private static readonly ConditionalWeakTable<CareerCatalog, CatalogOptions> Cache = [];

    private CatalogOptions(CareerCatalog catalog)
    {
        Roles = new MarkupString(string.Concat(catalog.Ladders.Select(ladder =>
            $"<optgroup label=\"{MarkupText.Encode(ladder.Name)}\">"
            + string.Concat(catalog.RolesOn(ladder.Slug).Select(role => Option(role.Slug, role.Name)))
            + "</optgroup>")));
        Skills = new MarkupString(string.Concat(catalog.Skills.Select(skill => Option(skill.Slug, skill.Name))));
    }

    public static CatalogOptions For(CareerCatalog catalog) => Cache.GetValue(catalog, c => new CatalogOptions(c));

    /// <summary>Every role, grouped by ladder; the value is the role's slug.</summary>
    public MarkupString Roles { get; }

    /// <summary>Every skill in the catalog's order; the value is the skill's slug.</summary>
    public MarkupString Skills { get; }

    private static string Option(string value, string text) => $"<option value=\"{MarkupText.Encode(value)}\">{MarkupText.Encode(text)}</option>";
}
