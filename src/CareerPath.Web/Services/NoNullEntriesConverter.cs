using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerPath.Web.Services;

/// <summary>
/// Reads every list of records or names in an export file, refusing a null entry with a
/// <see cref="NullEntryException"/> (so the import can say where) instead of leaving it to crash the import later.
/// </summary>
public sealed class NoNullEntriesConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && !typeToConvert.GetGenericArguments()[0].IsValueType;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    /// <summary>A list in the file holds a null entry, at <see cref="Location"/>.</summary>
    /// <param name="within">Where the entry is, from the outermost list that holds it (e.g. "[0].ratings[3]").</param>
    public sealed class NullEntryException(string within) : JsonException("A list holds an empty entry (null).")
    {
        /// <summary>
        /// The entry's full path. The serializer sets <see cref="JsonException.Path"/> once, relative to the record it
        /// was reading, so each list on the way out adds its index and the outermost gets the path from the root.
        /// </summary>
        public string Location => (Path ?? "$") + Within;

        internal string Within { get; } = within;
    }

    private sealed class ListConverter<T> : JsonConverter<IReadOnlyList<T>>
        where T : class
    {
        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("Expected a list.");
            }

            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                T? item;
                try
                {
                    item = JsonSerializer.Deserialize<T>(ref reader, options);
                }
                catch (NullEntryException inner)
                {
                    throw new NullEntryException($"[{items.Count}]{inner.Path?.TrimStart('$')}{inner.Within}");
                }

                items.Add(item ?? throw new NullEntryException($"[{items.Count}]"));
            }

            return items;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }
}
