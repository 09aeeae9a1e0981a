using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace CareerPath.Benchmarks.Load;

/// <summary>A node of the page as the client keeps it: what blazor.web.js builds in the DOM, reduced to what a test needs.</summary>
public abstract class RenderNode
{
    public ContainerNode? Parent { get; internal set; }
}

public class ContainerNode : RenderNode
{
    public List<RenderNode> Children { get; } = [];

    internal void Insert(int index, RenderNode node)
    {
        node.Parent = this;
        Children.Insert(Math.Min(index, Children.Count), node);
    }
}

public sealed class ElementNode(string name) : ContainerNode
{
    public string Name { get; } = name;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Event handler ids by attribute name ("onclick", "onchange", "onsubmit"...).</summary>
    public Dictionary<string, ulong> Handlers { get; } = new(StringComparer.Ordinal);

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}

public sealed class TextNode(string text) : RenderNode
{
    public string Text { get; set; } = text;
}

public sealed partial class MarkupNode(string html) : RenderNode
{
    public string Html { get; } = html;

    public string Text => Tags().Replace(Html, " ");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}

/// <summary>Where a child component's content goes; the content itself is that component's container.</summary>
public sealed class ComponentNode(int componentId) : RenderNode
{
    public int ComponentId { get; } = componentId;
}

/// <summary>
/// The rendered page, kept up to date from render batches (the binary format of the server's RenderBatchWriter):
/// one container per component, edits applied the way blazor.web.js applies them to logical children (regions
/// flattened, a component or a markup block counting as one child). Not thread-safe: the circuit applies batches
/// and reads it under one lock.
/// </summary>
public sealed class RenderDocument
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    private readonly Dictionary<int, ContainerNode> _components = [];

    public IReadOnlyDictionary<int, ContainerNode> Components => _components;

    public void Apply(byte[] batch)
    {
        var reader = new BatchReader(batch);
        var trailer = batch.Length - 20;
        var updatedComponents = reader.Int(trailer);
        var referenceFrames = reader.Int(trailer + 4) + 4;
        var disposedComponents = reader.Int(trailer + 8);

        var diffCount = reader.Int(updatedComponents);
        for (var d = 0; d < diffCount; d++)
        {
            var diff = reader.Int(updatedComponents + 4 + (4 * d));
            var componentId = reader.Int(diff);
            var editCount = reader.Int(diff + 4);
            ApplyEdits(reader, Container(componentId), diff + 8, editCount, referenceFrames);
        }

        var disposedCount = reader.Int(disposedComponents);
        for (var i = 0; i < disposedCount; i++)
        {
            _components.Remove(reader.Int(disposedComponents + 4 + (4 * i)));
        }
    }

    /// <summary>
    /// About how many frames each component's tree has now: elements, attributes, handlers, text, markup blocks and
    /// child components (regions and element references, which the client does not keep, are not counted). A live
    /// page keeps its tree twice, in arrays sized to the next power of two (docs/benchmarks.md).
    /// </summary>
    public IReadOnlyDictionary<int, int> Frames() => _components.ToDictionary(c => c.Key, c => FramesIn(c.Value));

    private static int FramesIn(ContainerNode container) => container.Children.Sum(child => child switch
    {
        ElementNode element => 1 + element.Attributes.Count + element.Handlers.Count + FramesIn(element),
        _ => 1,
    });

    /// <summary>Every node inside a container (elements, text and markup blocks), in document order; child components not entered.</summary>
    public static IEnumerable<RenderNode> Nodes(ContainerNode container)
    {
        foreach (var child in container.Children)
        {
            yield return child;
            if (child is ContainerNode inner)
            {
                foreach (var node in Nodes(inner))
                {
                    yield return node;
                }
            }
        }
    }

    /// <summary>Every element of the page, in document order within each component.</summary>
    public IEnumerable<ElementNode> Elements() => _components.Values.SelectMany(Descendants);

    public ElementNode? Find(Func<ElementNode, bool> match) => Elements().FirstOrDefault(match);

    /// <summary>The text a user would read in the node, child components included.</summary>
    public string TextOf(RenderNode node)
    {
        var text = new StringBuilder();
        AppendText(node, text);
        return text.ToString();
    }

    private void AppendText(RenderNode node, StringBuilder text)
    {
        switch (node)
        {
            case TextNode t:
                text.Append(t.Text);
                break;
            case MarkupNode m:
                text.Append(m.Text);
                break;
            case ComponentNode c when _components.TryGetValue(c.ComponentId, out var content):
                AppendText(content, text);
                break;
            case ContainerNode container:
                foreach (var child in container.Children)
                {
                    AppendText(child, text);
                }

                break;
        }
    }

    private static IEnumerable<ElementNode> Descendants(ContainerNode container)
    {
        foreach (var child in container.Children)
        {
            if (child is ElementNode element)
            {
                yield return element;
                foreach (var inner in Descendants(element))
                {
                    yield return inner;
                }
            }
        }
    }

    private ContainerNode Container(int componentId)
    {
        if (!_components.TryGetValue(componentId, out var container))
        {
            container = new ContainerNode();
            _components[componentId] = container;
        }

        return container;
    }

    private void ApplyEdits(BatchReader reader, ContainerNode root, int position, int count, int frames)
    {
        var parent = root;
        var permutations = new List<(int From, int To)>();
        for (var i = 0; i < count; i++)
        {
            var edit = position + (EditSize * i);
            var type = reader.Int(edit);
            var sibling = reader.Int(edit + 4);
            var frameOrMove = reader.Int(edit + 8);
            switch (type)
            {
                case 1: // PrependFrame
                    InsertFrame(reader, parent, sibling, frames, frameOrMove);
                    break;
                case 2: // RemoveFrame
                    parent.Children.RemoveAt(sibling);
                    break;
                case 3: // SetAttribute
                    SetAttribute(reader, (ElementNode)parent.Children[sibling], frames + (FrameSize * frameOrMove));
                    break;
                case 4: // RemoveAttribute
                    var element = (ElementNode)parent.Children[sibling];
                    var name = reader.String(reader.Int(edit + 12))!;
                    element.Attributes.Remove(name);
                    element.Handlers.Remove(name);
                    break;
                case 5: // UpdateText
                    ((TextNode)parent.Children[sibling]).Text = reader.String(reader.Int(frames + (FrameSize * frameOrMove) + 4)) ?? "";
                    break;
                case 6: // StepIn
                    parent = (ContainerNode)parent.Children[sibling];
                    break;
                case 7: // StepOut
                    parent = parent.Parent ?? root;
                    break;
                case 8: // UpdateMarkup
                    var markup = new MarkupNode(reader.String(reader.Int(frames + (FrameSize * frameOrMove) + 4)) ?? "") { Parent = parent };
                    parent.Children[sibling] = markup;
                    break;
                case 9: // PermutationListEntry
                    permutations.Add((sibling, frameOrMove));
                    break;
                case 10: // PermutationListEnd
                    var moved = permutations.Select(p => (Node: parent.Children[p.From], p.To)).ToList();
                    foreach (var (node, to) in moved)
                    {
                        parent.Children[to] = node;
                    }

                    permutations.Clear();
                    break;
            }
        }
    }

    /// <summary>Inserts the frame (and its subtree) at childIndex; answers how many logical children it added.</summary>
    private int InsertFrame(BatchReader reader, ContainerNode parent, int childIndex, int frames, int index)
    {
        var frame = frames + (FrameSize * index);
        switch (reader.Int(frame))
        {
            case 1: // Element
                var subtree = reader.Int(frame + 4);
                var element = new ElementNode(reader.String(reader.Int(frame + 8)) ?? "");
                parent.Insert(childIndex, element);
                var next = index + 1;
                while (next < index + subtree && reader.Int(frames + (FrameSize * next)) == 3)
                {
                    SetAttribute(reader, element, frames + (FrameSize * next));
                    next++;
                }

                InsertRange(reader, element, 0, frames, next, index + subtree);
                return 1;
            case 2: // Text
                parent.Insert(childIndex, new TextNode(reader.String(reader.Int(frame + 4)) ?? ""));
                return 1;
            case 4: // Component
                var componentId = reader.Int(frame + 8);
                Container(componentId);
                parent.Insert(childIndex, new ComponentNode(componentId));
                return 1;
            case 5: // Region
                return InsertRange(reader, parent, childIndex, frames, index + 1, index + reader.Int(frame + 4));
            case 8: // Markup
                parent.Insert(childIndex, new MarkupNode(reader.String(reader.Int(frame + 4)) ?? ""));
                return 1;
            default: // reference captures, render modes, named events: nothing a user sees
                return 0;
        }
    }

    private int InsertRange(BatchReader reader, ContainerNode parent, int childIndex, int frames, int start, int end)
    {
        var first = childIndex;
        for (var index = start; index < end; index++)
        {
            childIndex += InsertFrame(reader, parent, childIndex, frames, index);
            var frame = frames + (FrameSize * index);
            if (reader.Int(frame) is 1 or 4 or 5)
            {
                index += reader.Int(frame + 4) - 1;
            }
        }

        return childIndex - first;
    }

    private static void SetAttribute(BatchReader reader, ElementNode element, int frame)
    {
        var name = reader.String(reader.Int(frame + 4)) ?? "";
        var handler = reader.ULong(frame + 12);
        if (handler != 0)
        {
            element.Handlers[name] = handler;
            return;
        }

        // A false boolean attribute arrives as null: the browser removes it.
        if (reader.String(reader.Int(frame + 8)) is { } value)
        {
            element.Attributes[name] = value;
        }
        else
        {
            element.Attributes.Remove(name);
        }
    }

    private readonly struct BatchReader(byte[] data)
    {
        private readonly int _strings = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 4));

        public int Int(int at) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));

        public ulong ULong(int at) => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at));

        /// <summary>Entry <paramref name="index"/> of the string table (a 7-bit length prefix, then UTF-8); -1 is null.</summary>
        public string? String(int index)
        {
            if (index < 0)
            {
                return null;
            }

            var at = Int(_strings + (4 * index));
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = data[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            return Encoding.UTF8.GetString(data, at, length);
        }
    }
}
