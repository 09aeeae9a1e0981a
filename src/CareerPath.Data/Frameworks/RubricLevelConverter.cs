using System.Text.Json;
using System.Text.Json.Serialization;
using CareerPath.Domain.Skills;

namespace CareerPath.Data.Frameworks;

/// <summary>
/// A rubric level in JSON: a plain string when it is only a description (the shape catalog files and the database
/// have always used), or <c>{ "description": "...", "criteria": ["...", "..."] }</c> when it lists criteria.
/// </summary>
public sealed class RubricLevelConverter : JsonConverter<RubricLevel>
{
    public override RubricLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new RubricLevel(reader.GetString()!, []);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A rubric level must be a text or an object with a description and criteria.");
        }

        string? description = null;
        var criteria = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "description", StringComparison.OrdinalIgnoreCase))
            {
                description = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            }
            else if (string.Equals(name, "criteria", StringComparison.OrdinalIgnoreCase) && reader.TokenType != JsonTokenType.Null)
            {
                criteria.AddRange(JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? []);
            }
            else
            {
                reader.Skip();
            }
        }

        return new RubricLevel(description ?? "", criteria);
    }

    public override void Write(Utf8JsonWriter writer, RubricLevel value, JsonSerializerOptions options)
    {
        if (value.Criteria.Count == 0)
        {
            writer.WriteStringValue(value.Description);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("description", value.Description);
        writer.WriteStartArray("criteria");
        foreach (var criterion in value.Criteria)
        {
            writer.WriteStringValue(criterion);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
