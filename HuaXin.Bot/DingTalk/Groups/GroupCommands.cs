using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.DingTalk.Groups;

/// <summary>Handles what staff say to the robot in a department group: binding the group to a department.
/// Other group messages get a pointer to one-to-one chat instead of reaching the dialogs, because a group
/// shares one conversation among many people and family-care requests carry personal details.</summary>
public sealed class GroupCommands(IDepartmentGroupDirectory directory, Microsoft.Extensions.Options.IOptionsMonitor<DingTalkOptions> options, ILogger<GroupCommands> logger)
{
    public const string Bind = "绑定部门";
    public const string Unbind = "解除绑定";

    public async Task<OutboundMessage> HandleAsync(RobotMessage message, string? text, CancellationToken cancellationToken)
    {
        if (text is null || !(text.StartsWith(Bind, StringComparison.Ordinal) || text.StartsWith(Unbind, StringComparison.Ordinal)))
        {
            return new OutboundMessage("您好！咨询政策或申请家庭关怀服务，请单独给我发消息（私聊）。部门管理员可在群里@我发送「绑定部门 部门名称」或「解除绑定」。");
        }
        if (!options.CurrentValue.IsAdmin(message.SenderStaffId))
        {
            return new OutboundMessage("抱歉，只有系统管理员可以绑定或解除绑定部门群。如需设置，请联系管理员。");
        }
        return text.StartsWith(Bind, StringComparison.Ordinal)
            ? await BindAsync(message, text[Bind.Length..].Trim(), cancellationToken)
            : await UnbindAsync(message, cancellationToken);
    }

    private async Task<OutboundMessage> BindAsync(RobotMessage message, string department, CancellationToken cancellationToken)
    {
        if (!Departments.IsKnown(department))
        {
            var list = string.Join("、", Departments.All);
            return new OutboundMessage(department.Length == 0
                ? $"请写明部门名称，例如「绑定部门 集团工会」。可选部门：{list}。"
                : $"没有找到部门「{department}」。可选部门：{list}。");
        }
        await directory.BindAsync(department, message.ConversationId, message.ConversationTitle, message.SenderKey, cancellationToken);
        logger.LogInformation("DingTalk group {ConversationId} bound to {Department} by {StaffId}", message.ConversationId, department, message.SenderStaffId);
        return new OutboundMessage($"已将本群绑定为「{department}」的工作群，该部门的服务工单将发送到这里。");
    }

    private async Task<OutboundMessage> UnbindAsync(RobotMessage message, CancellationToken cancellationToken)
    {
        var departments = await directory.UnbindGroupAsync(message.ConversationId, cancellationToken);
        if (departments.Count == 0)
        {
            return new OutboundMessage("本群目前没有绑定任何部门。");
        }
        logger.LogInformation("DingTalk group {ConversationId} unbound from {Departments} by {StaffId}", message.ConversationId, departments, message.SenderStaffId);
        return new OutboundMessage($"已解除本群与「{string.Join("、", departments)}」的绑定，工单将不再发送到这里。");
    }
}
