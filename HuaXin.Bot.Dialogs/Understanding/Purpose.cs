namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>What a message is for. Only a request or a complaint starts intake.</summary>
public static class Purpose
{
    public const string Request = "request";
    public const string Complaint = "complaint";
    public const string Question = "question";
    public const string Status = "status";
    public const string Rating = "rating";
    public const string Staff = "staff";
    public const string Chat = "chat";

    public static readonly IReadOnlyList<string> All = [Request, Complaint, Question, Status, Rating, Staff, Chat];

    public static bool StartsIntake(string? purpose) => purpose is Request or Complaint;
}
