namespace HuaXin.Bot.Dialogs.Triage;

/// <summary>Whom a category's requests can be about (taxonomy.yaml, a category's <c>relation</c>).</summary>
public enum RelationRule
{
    /// <summary>Whoever the message says needs it (the default).</summary>
    Anyone,
    /// <summary>A household or a service, never a person: a repair at home, a complaint (<c>relation: nobody</c>).</summary>
    Nobody,
    /// <summary>A household, unless the message asks it for someone ("给俺娘申请"): hardship aid (<c>relation: asked_for</c>).</summary>
    AskedFor,
}
