using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework.TeamsPackage;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.BotFramework;

public sealed class TeamsPackageTests
{
    [Fact]
    public async Task Package_holds_a_1_17_manifest_for_the_bot_and_two_icons_of_the_required_sizes()
    {
        using var temp = new TempDirectory();
        var zipPath = temp.File("app.zip");

        await TeamsPackageCommand.WriteAsync(zipPath, TestTokens.AppId, "bot.huaxin.example", "1.2.0");

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        var manifest = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!;
        Assert.Equal("1.17", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal(TestTokens.AppId, manifest["id"]!.GetValue<string>());
        var bot = manifest["bots"]![0]!;
        Assert.Equal(TestTokens.AppId, bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["bot.huaxin.example"], manifest["validDomains"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains("华新", manifest["name"]!["short"]!.GetValue<string>());
        Assert.True(manifest["name"]!["short"]!.GetValue<string>().Length <= 30);
        Assert.True(manifest["description"]!["short"]!.GetValue<string>().Length <= 80);

        var (colorWidth, colorHeight, color) = ReadPng(zip.GetEntry("color.png")!);
        Assert.Equal((192, 192), (colorWidth, colorHeight));
        Assert.All(Alpha(color), a => Assert.Equal(255, a));
        var (outlineWidth, outlineHeight, outline) = ReadPng(zip.GetEntry("outline.png")!);
        Assert.Equal((32, 32), (outlineWidth, outlineHeight));
        Assert.Contains((byte)0, Alpha(outline));
        // The outline icon may only be white on transparent.
        for (var i = 0; i < outline.Length; i += 4)
        {
            Assert.True(outline[i + 3] == 0 || (outline[i] == 255 && outline[i + 1] == 255 && outline[i + 2] == 255));
        }
    }

    private static IEnumerable<byte> Alpha(byte[] rgba) => rgba.Where((_, i) => i % 4 == 3);

    /// <summary>Decodes our own PNGs (RGBA, filter 0) to check size and pixels; verifies the chunk structure on the way.</summary>
    private static (int Width, int Height, byte[] Rgba) ReadPng(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        entry.Open().CopyTo(stream);
        var png = stream.ToArray();
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(6, data[9]);
            }
            if (type == "IDAT")
            {
                idat.Write(data);
            }
            offset += 12 + length;
        }
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        Assert.Equal(height * (1 + width * 4), rows.Length);
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (1 + width * 4)]);
            Array.Copy(rows, y * (1 + width * 4) + 1, rgba, y * width * 4, width * 4);
        }
        return (width, height, rgba);
    }
}
