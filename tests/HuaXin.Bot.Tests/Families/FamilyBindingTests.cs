using static HuaXin.Bot.Tests.Families.FamilyScenario;

namespace HuaXin.Bot.Tests.Families;

/// <summary>Binding codes: issued only to roster workers, short-lived, single-use, not guessable by trying.</summary>
public sealed class FamilyBindingTests
{
    [Theory]
    [InlineData(Ding, "dt-zhang")]
    [InlineData(Ding, "HX1001")]      // the 工号 works as the DingTalk staff id too
    public async Task A_roster_worker_gets_a_code_that_links_a_family_member(string channel, string workerId)
    {
        await using var s = await StartAsync();

        var issued = await s.SayAsync(channel, workerId, "家属绑定");
        var code = CodeIn(issued);
        var bound = await s.SayAsync(Web, "web-mum", $"绑定 {code.ToLowerInvariant()}");

        Assert.Contains("30 分钟", issued);
        Assert.Contains($"绑定 {code}", issued);
        Assert.Contains("绑定成功", bound);
        Assert.Contains("张建国", bound);
        var link = Assert.Single(await s.LinksAsync());
        Assert.Equal((Web, "web-mum", s.Zhang), (link.Channel, link.UserId, link.WorkerId));
        Assert.NotNull(Assert.Single(await s.CodesAsync()).UsedAt);
    }

    [Fact]
    public async Task A_teams_worker_is_found_by_teams_id()
    {
        await using var s = await StartAsync();

        Assert.Contains("绑定成功", await s.BindAsync("web-li-wife", MsTeams, "teams-li"));
        Assert.Equal(s.Li, Assert.Single(await s.LinksAsync()).WorkerId);
    }

    [Theory]
    [InlineData(Ding, "dt-stranger")]
    [InlineData(MsTeams, "dt-zhang")]       // a DingTalk id means nothing on Teams
    [InlineData(Web, "HX1001")]           // nor a 工号 typed as a web-chat user id
    public async Task Someone_not_in_the_roster_is_told_to_register_with_the_workshop_union(string channel, string userId)
    {
        await using var s = await StartAsync();

        var reply = await s.SayAsync(channel, userId, "绑定码");

        Assert.Contains("车间工会", reply);
        Assert.Empty(await s.CodesAsync());
    }

    [Fact]
    public async Task Codes_are_eight_unambiguous_characters_and_differ_each_time()
    {
        await using var s = await StartAsync();

        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(CodeIn(await s.SayAsync(Ding, "dt-zhang", "绑定码")));
        }

        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", c));
        Assert.Equal(5, codes.Distinct().Count());
    }

    [Fact]
    public async Task An_expired_code_is_refused_and_links_nobody()
    {
        await using var s = await StartAsync();
        var code = CodeIn(await s.SayAsync(Ding, "dt-zhang", "绑定码"));

        s.H.Time.Advance(TimeSpan.FromMinutes(30));
        var reply = await s.SayAsync(Web, "web-mum", $"绑定 {code}");

        Assert.Contains("已过期", reply);
        Assert.Empty(await s.LinksAsync());
        Assert.Null(Assert.Single(await s.CodesAsync()).UsedAt);
    }

    [Fact]
    public async Task A_code_works_once_a_second_person_is_refused()
    {
        await using var s = await StartAsync();
        var code = CodeIn(await s.SayAsync(Ding, "dt-zhang", "绑定码"));
        await s.SayAsync(Web, "web-mum", $"绑定 {code}");

        var reply = await s.SayAsync(Web, "web-eavesdropper", $"绑定 {code}");

        Assert.Contains("已经用过", reply);
        Assert.Equal("web-mum", Assert.Single(await s.LinksAsync()).UserId);
    }

    [Fact]
    public async Task Two_people_racing_with_one_code_yield_one_link()
    {
        await using var s = await StartAsync();
        var code = CodeIn(await s.SayAsync(Ding, "dt-zhang", "绑定码"));

        var replies = await Task.WhenAll(
            Task.Run(() => s.SayAsync(Web, "web-a", $"绑定 {code}")),
            Task.Run(() => s.SayAsync(Web, "web-b", $"绑定 {code}")));

        Assert.Single(replies, r => r.Contains("绑定成功"));
        Assert.Single(await s.LinksAsync());
    }

    [Fact]
    public async Task Guessing_is_cut_off_after_five_wrong_codes_even_for_a_right_one()
    {
        await using var s = await StartAsync();
        var code = CodeIn(await s.SayAsync(Ding, "dt-zhang", "绑定码"));

        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("不正确", await s.SayAsync(Web, "web-guesser", $"绑定 ABCDEFG{i + 2}"));
        }
        var sixth = await s.SayAsync(Web, "web-guesser", $"绑定 {code}");

        Assert.Contains("次数太多", sixth);
        Assert.Empty(await s.LinksAsync());
        // Others are not locked out by the guesser, and the guesser may try again after the hour.
        s.H.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Contains("绑定成功", await s.SayAsync(Web, "web-mum", $"绑定 {code}"));
        s.H.Time.Advance(TimeSpan.FromMinutes(41));
        Assert.Contains("不正确", await s.SayAsync(Web, "web-guesser", "绑定 ABCDEFGH"));
    }

    [Fact]
    public async Task A_linked_member_cannot_rebind_to_another_family()
    {
        await using var s = await StartAsync();
        await s.BindAsync("web-mum", Ding, "dt-zhang");

        var reply = await s.BindAsync("web-mum", MsTeams, "teams-li");

        Assert.Contains("已经绑定", reply);
        Assert.Equal(s.Zhang, Assert.Single(await s.LinksAsync()).WorkerId);
        Assert.All(await s.CodesAsync(), c => Assert.True(c.WorkerId == s.Zhang || c.UsedAt is null));
    }

    [Fact]
    public async Task Binding_outside_the_family_web_chat_is_refused()
    {
        await using var s = await StartAsync();
        var code = CodeIn(await s.SayAsync(Ding, "dt-zhang", "绑定码"));

        var reply = await s.SayAsync(Ding, "dt-colleague", $"绑定 {code}");

        Assert.Contains("网页", reply);
        Assert.Empty(await s.LinksAsync());
    }

    [Fact]
    public async Task Other_text_goes_on_to_the_ticket_commands_and_the_conversation()
    {
        await using var s = await StartAsync();

        Assert.Equal("收到：绑定手机号怎么改", await s.SayAsync(Web, "web-mum", "绑定手机号怎么改"));
    }
}
