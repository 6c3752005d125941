using System.CodeDom.Compiler;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace HuaXin.Bot.Tests.Architecture;

/// <summary>The floors of the house, read from the compiled code (every type reference, not only using directives):
/// each part may use the parts listed before it and never one listed after it, so dependencies point one way and no
/// two features depend on each other. There is no exception list: a new upward dependency fails here.</summary>
public class FloorTests
{
    /// <summary>Bottom to top, by namespace (a part is its namespace and everything below it).</summary>
    public static readonly (string Floor, string Part, string[] Namespaces)[] Parts =
    [
        // Core: vocabularies and the conversation brain; no ASP.NET, no database, no channel.
        ("core", "Core", ["HuaXin.Bot.Core"]),
        ("core", "Dialogs", ["HuaXin.Bot.Dialogs"]),
        // Store and outbox: the database, the inbound queue and outbox, and the guards every part uses.
        ("store", "Data", ["HuaXin.Bot.Data"]),
        ("store", "Messaging", ["HuaXin.Bot.Messaging"]),
        ("store", "Security", ["HuaXin.Bot.Security"]),
        // Domain features, each using only those before it.
        ("domain", "People", ["HuaXin.Bot.People"]),
        ("domain", "Knowledge", ["HuaXin.Bot.Knowledge"]),
        ("domain", "AI", ["HuaXin.Bot.AI"]),
        ("domain", "Tickets", ["HuaXin.Bot.Tickets"]),
        ("domain", "Families", ["HuaXin.Bot.Families"]),
        ("domain", "Reports", ["HuaXin.Bot.Reports"]),
        // The turn: conversation state, profiles and the pipeline channels hand turns to.
        ("turn", "Conversations", ["HuaXin.Bot.Conversations"]),
        // Channels translate wire formats to turns and back.
        ("channels", "Api", ["HuaXin.Bot.Api"]),
        ("channels", "BotFramework", ["HuaXin.Bot.BotFramework"]),
        ("channels", "DingTalk", ["HuaXin.Bot.DingTalk"]),
        // Host: metrics and health, the staff console and its pages, the composition root, the CLI.
        ("host", "Observability", ["HuaXin.Bot.Observability"]),
        ("host", "StaffConsole", ["HuaXin.Bot.StaffConsole"]),
        ("host", "Pages", ["HuaXin.Bot.Pages", "AspNetCoreGeneratedDocument"]),
        ("host", "Composition", ["HuaXin.Bot"]),
        ("host", "Cli", ["HuaXin.Bot.Cli"]),
    ];

    private static readonly ArchUnitNET.Domain.Architecture House = new ArchLoader()
        .LoadAssemblies(typeof(HuaXinDbContext).Assembly, typeof(ChannelNames).Assembly, typeof(InboundTurn).Assembly)
        .Build();

    public static TheoryData<string> PartNames() => new(Parts.Select(p => p.Part));

    [Theory]
    [MemberData(nameof(PartNames))]
    public void A_part_uses_nothing_above_it(string part)
    {
        var index = Array.FindIndex(Parts, p => p.Part == part);
        var above = Parts.Skip(index + 1).SelectMany(p => p.Namespaces).ToArray();

        IArchRule rule = Types().That().ResideInNamespaceMatching(Pattern(Parts[index].Namespaces))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Pattern(above)))
            .Because($"{part} ({Parts[index].Floor}) sits below {string.Join(", ", Parts.Skip(index + 1).Select(p => p.Part))}");

        rule.Check(House);
    }

    [Fact]
    public void Every_namespace_of_the_service_is_on_a_floor()
    {
        var placed = Parts.SelectMany(p => p.Namespaces).ToArray();
        var stray = House.Types
            .Where(t => t.Namespace.FullName.StartsWith("HuaXin.Bot", StringComparison.Ordinal) && !placed.Any(n => In(t.Namespace.FullName, n)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(stray);
    }

    [Fact]
    public void The_service_declares_nothing_in_a_namespace_that_is_not_its_own()
    {
        // A class in another namespace (registration classes once sat in Microsoft.Extensions.DependencyInjection) is
        // on no floor, so the rules above would not see what it uses. Code generators' types are theirs, not ours.
        var foreign = new[] { typeof(HuaXinDbContext).Assembly, typeof(ChannelNames).Assembly, typeof(InboundTurn).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsNested && t.Namespace is { } ns && !ns.StartsWith("HuaXin.Bot", StringComparison.Ordinal) && ns != "AspNetCoreGeneratedDocument"
                && !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && !t.IsDefined(typeof(GeneratedCodeAttribute), false))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(foreign);
    }

    [Fact]
    public void Parts_do_not_depend_on_each_other_in_a_circle()
    {
        // Which part uses which, whatever the order above says: a cycle is reported with the parts on it.
        var uses = Parts.ToDictionary(p => p.Part, _ => new HashSet<string>());
        foreach (var type in House.Types)
        {
            if (PartOf(type.Namespace?.FullName) is not { } from)
            {
                continue;
            }
            foreach (var dependency in type.Dependencies)
            {
                if (PartOf(dependency.Target?.Namespace?.FullName) is { } to && to != from)
                {
                    uses[from].Add(to);
                }
            }
        }

        Assert.Empty(Cycles(uses));
    }

    private static string? PartOf(string? ns) => ns is null ? null : Parts.FirstOrDefault(p => p.Namespaces.Any(n => In(ns, n))).Part;

    /// <summary>The strongly connected groups of more than one part (Tarjan), each as "A → B → A".</summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> uses)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<string>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in uses[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }
            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    group.Add(w);
                } while (w != v);
                if (group.Count > 1)
                {
                    cycles.Add(string.Join(" → ", group.Append(group[0])));
                }
            }
        }
        foreach (var part in uses.Keys.Where(p => !index.ContainsKey(p)))
        {
            Visit(part);
        }
        return cycles;
    }

    private static string Pattern(string[] namespaces) =>
        "^(" + string.Join("|", namespaces.Select(n => Regex.Escape(n) + (n == "HuaXin.Bot" ? "" : @"(\..+)?"))) + ")$";

    // "HuaXin.Bot" (the composition root) is only its own namespace: every other part is below it by name.
    private static bool In(string ns, string part) =>
        ns == part || (part != "HuaXin.Bot" && ns.StartsWith(part + ".", StringComparison.Ordinal));
}
