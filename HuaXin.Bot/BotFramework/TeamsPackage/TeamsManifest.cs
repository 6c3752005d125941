using System.Text.Json.Nodes;

namespace HuaXin.Bot.BotFramework.TeamsPackage;

/// <summary>The Teams app manifest (schema 1.17) for the bot: personal chat for workers, team channels for departments'
/// staff, group chats for families of workers who share a chat.</summary>
public static class TeamsManifest
{
    public const string SchemaVersion = "1.17";

    public static JsonObject Create(string appId, string domain, string version)
    {
        var site = $"https://{domain}";
        string[] scopes = ["personal", "team", "groupChat"];
        return new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/en-us/json-schemas/teams/v{SchemaVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = SchemaVersion,
            ["version"] = version,
            ["id"] = appId,
            ["developer"] = new JsonObject
            {
                ["name"] = "山东华新建筑工程集团",
                ["websiteUrl"] = site + "/",
                ["privacyUrl"] = site + "/privacy",
                ["termsOfUseUrl"] = site + "/terms",
            },
            ["name"] = new JsonObject { ["short"] = "华新家庭服务", ["full"] = "华新职工家庭服务助手" },
            ["description"] = new JsonObject
            {
                ["short"] = "解答家庭关爱政策，办理职工及家属的服务申请。",
                ["full"] = "山东华新建筑工程集团职工家庭服务助手：解答帮扶救助、探亲休假、子女助学等家庭关爱政策（注明出处），"
                    + "受理职工及家属的服务申请并跟踪进度；各部门在团队频道中受理、转派和办结工单。",
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = AppIcons.AccentColor,
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = appId,
                    ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)s).ToArray()),
                    ["supportsFiles"] = false,
                    ["isNotificationOnly"] = false,
                    ["commandLists"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)s).ToArray()),
                            ["commands"] = new JsonArray
                            {
                                Command("查看我的申请", "列出我提交的服务申请及进度"),
                                Command("困难职工帮扶怎么申请", "政策咨询示例"),
                                Command("帮助", "看看助手能做什么"),
                            },
                        },
                    },
                },
            },
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = new JsonArray(domain),
        };
    }

    private static JsonObject Command(string title, string description) => new() { ["title"] = title, ["description"] = description };
}
