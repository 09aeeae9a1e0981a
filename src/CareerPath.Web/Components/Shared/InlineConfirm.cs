using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CareerPath.Web.Components.Shared;

/// <summary>
/// A page's destructive action that asks once more, inline, as <see cref="ConfirmButton"/> does, but written into
/// the page's own tree: a component keeps two render trees of its own for as long as the page is open
/// (docs/benchmarks.md). The page holds the question in a <see cref="RowConfirmation"/> of one row and calls its
/// <see cref="RowConfirmation.AfterRenderAsync"/>: the answer gets the keyboard when asked, and Esc or Cancel puts it
/// back on the button.
/// </summary>
public static class InlineConfirm
{
    private static readonly Guid Only = Guid.Empty;

    /// <summary>The name to give the page's <see cref="RowConfirmation"/> rows: its button's id is then "{prefix}-button".</summary>
    public static string RowName(Guid row) => "button";

    public static RenderFragment Render(IHandleEvent page, RowConfirmation confirmation, string text, string question, Func<Task> onConfirm, string confirmText = "Yes, delete") =>
        builder =>
        {
            if (confirmation.Asking is not null)
            {
                builder.OpenElement(0, "span");
                builder.AddAttribute(1, "class", "confirm");
                builder.AddAttribute(2, "role", "group");
                builder.AddAttribute(3, "aria-label", question);
                builder.AddAttribute(4, "onkeydown", EventCallback.Factory.Create<KeyboardEventArgs>(page, confirmation.OnKeyDown));
                builder.AddMarkupContent(5, $"<span class=\"confirm__question\">{MarkupText.Encode(question)}</span>");
                builder.OpenElement(6, "button");
                builder.AddAttribute(7, "type", "button");
                builder.AddAttribute(8, "class", "button button--danger button--small");
                builder.AddAttribute(9, "onclick", EventCallback.Factory.Create(page, () => confirmation.Answer() is null ? Task.CompletedTask : onConfirm()));
                builder.AddElementReferenceCapture(10, answer => confirmation.AnswerButton = answer);
                builder.AddContent(11, confirmText);
                builder.CloseElement();
                builder.OpenElement(12, "button");
                builder.AddAttribute(13, "type", "button");
                builder.AddAttribute(14, "class", "button button--small");
                builder.AddAttribute(15, "onclick", EventCallback.Factory.Create(page, confirmation.Cancel));
                builder.AddContent(16, "Cancel");
                builder.CloseElement();
                builder.CloseElement();
            }
            else
            {
                builder.OpenElement(17, "button");
                builder.AddAttribute(18, "type", "button");
                builder.AddAttribute(19, "class", "button button--danger");
                builder.AddAttribute(20, "id", confirmation.TriggerId(Only));
                builder.AddAttribute(21, "onclick", EventCallback.Factory.Create(page, () => confirmation.Ask(Only)));
                builder.AddContent(22, text);
                builder.CloseElement();
            }
        };
}
