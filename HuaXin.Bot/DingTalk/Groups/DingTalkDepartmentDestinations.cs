using HuaXin.Bot.Core;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.DingTalk.Groups;

/// <summary>A department's bound DingTalk group is one of its ticket destinations, next to configured ones.</summary>
public sealed class DingTalkDepartmentDestinations(IDepartmentGroupDirectory directory) : IDepartmentDestinationSource
{
    public async Task<IReadOnlyList<Destination>> GetAsync(string department, CancellationToken cancellationToken) =>
        await directory.FindGroupAsync(department, cancellationToken) is { } group
            ? [new Destination(ChannelNames.DingTalk, DingTalkReplyAddress.Group(group).ToJson())]
            : [];
}
