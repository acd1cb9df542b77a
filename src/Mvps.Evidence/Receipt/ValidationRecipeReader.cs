using System.Text.Json;
using Mvps.IO;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// The receipt's "validation" array, the recipe the report page quotes, read through <see cref="ReceiptJsonStream"/>:
/// the rest of the receipt (up to <see cref="ReceiptExpectations.MaxReceiptBytes"/>, frames and all) is checked as
/// JSON and skipped token by token, never held, so the report reads a receipt of any size in bounded memory.
/// </summary>
public static class ValidationRecipeReader
{
    /// <summary>
    /// The last top-level "validation" member's value (the one a parsed document gives), or null when the receipt is
    /// not an object or has none. Throws <see cref="JsonException"/> when the file is not one JSON value, and
    /// <see cref="InvalidDataException"/> (one line) when it is over the receipt limit or the array over the window.
    /// </summary>
    public static JsonDocument? Read(string path)
    {
        using var json = new ReceiptJsonStream(BoundedFile.OpenForward(path, ReceiptExpectations.MaxReceiptBytes, "receipt"));
        try
        {
            return Read(json);
        }
        catch (ReceiptJsonStream.ValueTooLargeException e)
        {
            throw new InvalidDataException($"{DisplayName.Of(path)}: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // A top-level member name the stream reads as text: RFC 8259 JSON is UTF-8, so this is not JSON.
            throw new JsonException("a member name that is not valid UTF-8");
        }
    }

    private static JsonDocument? Read(ReceiptJsonStream json)
    {
        if (!json.Read())
        {
            throw new JsonException("the receipt is empty: no JSON value");
        }

        JsonDocument? recipe = null;
        try
        {
            if (json.TokenType == JsonTokenType.StartObject)
            {
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    if (json.Text == "validation")
                    {
                        recipe?.Dispose();
                        recipe = json.ReadValue();
                    }
                    else
                    {
                        json.SkipValue();
                    }
                }
            }
            else if (json.TokenType is JsonTokenType.StartArray)
            {
                // Not a receipt, but JSON: walked to its end (a string in it longer than the window is refused).
                for (var depth = 1; depth > 0;)
                {
                    if (!json.Read())
                    {
                        throw new JsonException("the receipt ends in the middle of a value");
                    }

                    depth += json.TokenType switch
                    {
                        JsonTokenType.StartArray or JsonTokenType.StartObject => 1,
                        JsonTokenType.EndArray or JsonTokenType.EndObject => -1,
                        _ => 0,
                    };
                }
            }

            if (json.Read())
            {
                throw new JsonException("more than one JSON value in the receipt");
            }

            (var result, recipe) = (recipe, null);
            return result;
        }
        finally
        {
            recipe?.Dispose();
        }
    }
}
