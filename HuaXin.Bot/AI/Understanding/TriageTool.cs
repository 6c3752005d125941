using System.Text.Json;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Triage;
using Microsoft.SemanticKernel;

namespace HuaXin.Bot.AI.Understanding;

/// <summary>The function the model must call to report what it understood: the taxonomy's categories and slots as a
/// JSON schema. On the wire it is "Triage-record_request". Enumerations come from the taxonomy, so the schema follows it.</summary>
public static class TriageTool
{
    public const string PluginName = "Triage";
    public const string FunctionName = "record_request";
    public const string IsRequest = "is_request";
    public const string Category = "category";

    public static KernelFunction Create(Taxonomy taxonomy)
    {
        var categories = taxonomy.Categories.Select(c => c.Code).ToList();
        var parameters = new List<KernelParameterMetadata>
        {
            Parameter(IsRequest, """{"type":"boolean"}""", "用户是不是要办一件事（需要有人上门、联系、陪同、办理），而不是只问政策", required: true),
            Parameter(Category, Enum(categories),
                "诉求类别：" + string.Join("；", taxonomy.Categories.Select(c => $"{c.Code}={c.Name}")), required: false),
            Parameter(SlotNames.Phone, """{"type":"string"}""", "用户留下的手机号，11位数字；没有就不填", required: false),
            Parameter(SlotNames.Relation, Enum(taxonomy.RelationWords.Values.Distinct()), "需要帮助的人和职工的关系", required: false),
            Parameter(SlotNames.City, """{"type":"string"}""", "所在市县，用用户原话", required: false),
            Parameter(SlotNames.Address, """{"type":"string"}""", "具体地址，用用户原话", required: false),
            Parameter(SlotNames.When, """{"type":"string"}""", "希望的时间，用用户原话，例如“明天上午”", required: false),
            Parameter(SlotNames.Urgency, Enum([SlotNames.Urgent, SlotNames.NotUrgent]), "紧急程度", required: false),
        };
        // Never invoked (auto-invocation is off): the call's arguments are read and validated instead.
        var function = KernelFunctionFactory.CreateFromMethod(static () => { }, new KernelFunctionFromMethodOptions
        {
            FunctionName = FunctionName,
            Description = "记录用户这句话的理解结果。只填用户明确说了的内容。",
            Parameters = parameters,
        });
        return KernelPluginFactory.CreateFromFunctions(PluginName, [function])[FunctionName];
    }

    private static KernelParameterMetadata Parameter(string name, string schema, string description, bool required) =>
        new(name) { Description = description, Schema = KernelJsonSchema.Parse(schema), IsRequired = required, ParameterType = typeof(string) };

    private static string Enum(IEnumerable<string> values) =>
        JsonSerializer.Serialize(new { type = "string", @enum = values.ToArray() });
}
