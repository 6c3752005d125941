using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace HuaXin.Bot.Tests.Fuzz;

/// <summary>Inputs biased to almost-valid JSON: a real sample with one to three structural or textual mutations,
/// so most cases get past the first parse and exercise the validation behind it; a few are pure noise.</summary>
public static class NearValidJson
{
    /// <summary>Cases per endpoint; CI runs the default, FUZZ_CASES raises it locally.</summary>
    public static long Cases => long.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) ? n : 10_000;

    private static readonly string[] Strings =
    [
        "", " ", "null", "\u0000", "\u202e", "<script>alert(1)</script>", "'; DROP TABLE x;--", "../../etc/passwd",
        "13800138000", "http://", "https://169.254.169.254/", "ftp://x", "%00", new string('长', 5000), "\r\n", "{{}}", "💥", "message", "invoke",
    ];

    public static Gen<string> From(params string[] seeds) =>
        Gen.Int.Select(seed => Mutate(new Random(seed), seeds[Math.Abs(seed % seeds.Length)]));

    public static string Mutate(Random random, string seed)
    {
        if (random.Next(20) == 0)
        {
            return Noise(random);
        }
        var text = seed;
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            text = random.Next(3) == 0 ? MutateText(random, text) : MutateTree(random, text);
        }
        return text;
    }

    /// <summary>Duplicate keys and lone or escaped surrogates (from text mutations) make a tree unusable; mutate the text instead.</summary>
    private static string MutateTree(Random random, string json)
    {
        try
        {
            return MutateParsedTree(random, json);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return MutateText(random, json);
        }
    }

    private static string MutateParsedTree(Random random, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return MutateText(random, json);
        }
        if (root is null)
        {
            return json;
        }
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        switch (random.Next(4))
        {
            case 0 when target.Parent is JsonObject parent:
                parent.Remove(target.GetPropertyName());
                break;
            case 1 when target is JsonObject obj:
                obj[Pick(random, ["id", "type", "text", "from", "value", "channelData", "serviceUrl", "msgId", "conversationId", "__proto__"])] = RandomValue(random, 2);
                break;
            default:
                if (target.Parent is JsonObject owner)
                {
                    owner[target.GetPropertyName()] = RandomValue(random, 2);
                }
                else if (target.Parent is JsonArray array)
                {
                    array[target.GetElementIndex()] = RandomValue(random, 2);
                }
                else
                {
                    return RandomValue(random, 3)?.ToJsonString() ?? "null";
                }
                break;
        }
        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        if (node is JsonObject obj)
        {
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    Collect(child, into);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                {
                    Collect(child, into);
                }
            }
        }
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 0 ? 9 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(4) switch { 0 => long.MaxValue, 1 => -1L, 2 => 0L, _ => random.NextInt64() }),
        3 => JsonValue.Create(random.NextDouble() * 1e300),
        4 or 5 => JsonValue.Create(Pick(random, Strings)),
        6 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth - 1)).ToArray()),
        7 => Nested(random.Next(1, 80)),
        _ => new JsonObject { [Pick(random, ["id", "type", "content", "x"])] = RandomValue(random, depth - 1) },
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }
        return node;
    }

    private static string MutateText(Random random, string text)
    {
        if (text.Length == 0)
        {
            return Noise(random);
        }
        var at = random.Next(text.Length);
        return random.Next(5) switch
        {
            0 => text[..at],
            1 => text.Remove(at, Math.Min(text.Length - at, random.Next(1, 16))),
            2 => text.Insert(at, Pick(random, ["\"", "{", "}", "[", "]", ",", ":", "\\", "\\u", "\u0000", "null", "1e999", "\"\":", "\ud83d"])),
            3 => text.Insert(at, text[at..Math.Min(text.Length, at + random.Next(1, 64))]),
            _ => text[..at] + (char)random.Next(0, 0x3000) + text[Math.Min(text.Length, at + 1)..],
        };
    }

    private static string Noise(Random random)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(0, 200); i > 0; i--)
        {
            builder.Append((char)random.Next(0, 0x800));
        }
        return builder.ToString();
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
