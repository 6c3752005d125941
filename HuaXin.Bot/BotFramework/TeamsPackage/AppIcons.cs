namespace HuaXin.Bot.BotFramework.TeamsPackage;

/// <summary>The two icons Teams requires: a 192×192 colour icon and a 32×32 white-on-transparent outline icon.
/// Both show a house (the family the service cares for), drawn procedurally so no artwork file is needed.</summary>
public static class AppIcons
{
    public const string AccentColor = "#C8102E";
    private static readonly (byte R, byte G, byte B) Accent = (0xC8, 0x10, 0x2E);

    public static byte[] Color() => Draw(192, background: Accent, backgroundAlpha: 255);

    public static byte[] Outline() => Draw(32, background: (0, 0, 0), backgroundAlpha: 0);

    private static byte[] Draw(int size, (byte R, byte G, byte B) background, byte backgroundAlpha)
    {
        var pixels = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var inside = IsHouse((x + 0.5) / size, (y + 0.5) / size);
                var i = (y * size + x) * 4;
                (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = inside
                    ? ((byte)255, (byte)255, (byte)255, (byte)255)
                    : (background.R, background.G, background.B, backgroundAlpha);
            }
        }
        return PngEncoder.Encode(size, size, pixels);
    }

    /// <summary>Roof triangle over a square body with a door, in unit coordinates (y down).</summary>
    private static bool IsHouse(double x, double y)
    {
        var roof = y is >= 0.18 and < 0.5 && Math.Abs(x - 0.5) <= (y - 0.18) / 0.32 * 0.34;
        var body = y is >= 0.5 and <= 0.82 && x is >= 0.26 and <= 0.74;
        var door = y >= 0.62 && x is >= 0.44 and <= 0.56;
        return roof || (body && !door);
    }
}
