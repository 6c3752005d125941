using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Slots;

public sealed class OtherExtractorTests
{
    private readonly UrgencyExtractor _urgency = new(TestData.Taxonomy.UrgentWords, TestData.Taxonomy.NotUrgentWords);
    private readonly CityExtractor _city = new(TestData.Taxonomy.Places);
    private readonly AddressExtractor _address = new();

    [Theory]
    [InlineData("我妈住院了", null)]
    [InlineData("马上高考了 想找人辅导", null)]
    [InlineData("越快越好", null)]
    [InlineData("急 马上派人", "紧急")]
    [InlineData("赶紧来人", "紧急")]
    [InlineData("俺爹晕倒了", "紧急")]
    [InlineData("救命", "紧急")]
    [InlineData("不急", "一般")]
    [InlineData("一般", "一般")]
    [InlineData("不急 下周去就行 厨房水管滴水", null)]
    [InlineData("俺在外地干着急", null)]
    [InlineData("想申请困难补助", null)]
    [InlineData("宿舍空调坏了", null)]
    [InlineData("不是急事", "一般")]
    [InlineData("俺说错了 不是紧急的", "一般")]
    [InlineData("没那么急", "一般")]
    [InlineData("水管漏了 不是急事 这礼拜来修就行", null)]
    [InlineData("不是别的 就是急", "紧急")]
    public void Urgency_only_when_stated_or_evident(string text, string? expected) => Assert.Equal(expected, _urgency.Extract(text)?.Value);

    [Theory]
    [InlineData("俺娘在章丘老家", "济南章丘")]
    [InlineData("济南章丘区明水街道", "济南章丘")]
    [InlineData("菏泽曹县的", "菏泽曹县")]
    [InlineData("我在西安工地 俺娘在临沂沂水", "临沂沂水")]
    [InlineData("项目部在雄安 俺家在莒县", "日照莒县")]
    [InlineData("青岛", "青岛")]
    [InlineData("家在北京", "北京")]
    [InlineData("每日照顾老人", null)]
    [InlineData("惠民政策有哪些", null)]
    public void City_prefers_where_help_is_needed(string text, string? expected) => Assert.Equal(expected, _city.Extract(text)?.Value);

    [Theory]
    [InlineData("俺娘住在章丘区明水街道东山村 电话13805312266", "章丘区明水街道东山村")]
    [InlineData("地址是历下区和平路12号", "历下区和平路12号")]
    [InlineData("房顶漏水 济南市历下区和平路3号楼 明天上午", "济南市历下区和平路3号楼")] // the 楼 after a road number stays
    [InlineData("阳光小区5号楼2单元301 麻烦派人", "阳光小区5号楼2单元301")]
    [InlineData("俺在平阴县孔村镇李庄村", "平阴县孔村镇李庄村")]
    [InlineData("济南市历城区港沟街道", "济南市历城区港沟街道")]
    [InlineData("在章丘区刁镇", "章丘区刁镇")]
    [InlineData("俺是农村的", null)]
    [InlineData("我去街道办问过了", null)]
    [InlineData("他们镇上没有医院", null)]
    [InlineData("宿舍空调坏了", null)]
    [InlineData("黛溪街道 北关村 三排五号", "黛溪街道 北关村 三排五号")]
    [InlineData("幸福小区 3号楼 201", "幸福小区 3号楼 201")]
    [InlineData("何坊街道，张家村5号", "何坊街道 张家村5号")]
    [InlineData("东山村18号 138 0531 2266", "东山村18号")]
    [InlineData("阳光小区5号楼 明天上午来", "阳光小区5号楼")]
    public void Address_is_the_street_part(string text, string? expected) => Assert.Equal(expected, _address.Extract(text)?.Value);
}
