using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HuaXin.Bot.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class C19ServiceRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LiaisonId",
                table: "Worker",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Priority",
                table: "Worker",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RequesterName",
                table: "ServiceRequests",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequesterRelation",
                table: "ServiceRequests",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActorDepartment",
                table: "ServiceRequestHistory",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActorName",
                table: "ServiceRequestHistory",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Internal",
                table: "ServiceRequestHistory",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AidCase",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkerId = table.Column<long>(type: "bigint", nullable: false),
                    HardshipType = table.Column<string>(type: "text", nullable: false),
                    Level = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Application = table.Column<string>(type: "text", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Department = table.Column<string>(type: "text", nullable: false),
                    ApprovedAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Due = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TicketNumber = table.Column<string>(type: "text", nullable: true),
                    Attachments = table.Column<string>(type: "text", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidCase", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidCase_Worker_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Worker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Condolence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Occasion = table.Column<string>(type: "text", nullable: false),
                    Gift = table.Column<string>(type: "text", nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Visitors = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Attachments = table.Column<string>(type: "text", nullable: true),
                    Department = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedByName = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Condolence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Condolence_Worker_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Worker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceVisit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<long>(type: "bigint", nullable: false),
                    VisitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Mode = table.Column<string>(type: "text", nullable: false),
                    Visitors = table.Column<string>(type: "text", nullable: false),
                    MetMembers = table.Column<string>(type: "text", nullable: true),
                    Findings = table.Column<string>(type: "text", nullable: false),
                    FollowUp = table.Column<string>(type: "text", nullable: true),
                    Attachments = table.Column<string>(type: "text", nullable: true),
                    Department = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedByName = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceVisit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceVisit_Worker_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Worker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketCoHandler",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceRequestId = table.Column<long>(type: "bigint", nullable: false),
                    Department = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketCoHandler", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketCoHandler_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Volunteer",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Team = table.Column<string>(type: "text", nullable: true),
                    Skills = table.Column<string>(type: "text", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Volunteer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AidCaseCoHandler",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AidCaseId = table.Column<long>(type: "bigint", nullable: false),
                    Department = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidCaseCoHandler", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidCaseCoHandler_AidCase_AidCaseId",
                        column: x => x.AidCaseId,
                        principalTable: "AidCase",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidPayment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AidCaseId = table.Column<long>(type: "bigint", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedByName = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidPayment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidPayment_AidCase_AidCaseId",
                        column: x => x.AidCaseId,
                        principalTable: "AidCase",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidStep",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AidCaseId = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    FromStatus = table.Column<string>(type: "text", nullable: true),
                    ToStatus = table.Column<string>(type: "text", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    ActorName = table.Column<string>(type: "text", nullable: true),
                    ActorDepartment = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidStep_AidCase_AidCaseId",
                        column: x => x.AidCaseId,
                        principalTable: "AidCase",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerAssignment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VolunteerId = table.Column<long>(type: "bigint", nullable: false),
                    WorkerId = table.Column<long>(type: "bigint", nullable: false),
                    TicketNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    VisitId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedBy = table.Column<string>(type: "text", nullable: false),
                    AssignedByName = table.Column<string>(type: "text", nullable: true),
                    Department = table.Column<string>(type: "text", nullable: false),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Hours = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerAssignment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerAssignment_Volunteer_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VolunteerAssignment_Worker_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Worker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Worker_LiaisonId",
                table: "Worker",
                column: "LiaisonId");

            migrationBuilder.CreateIndex(
                name: "IX_AidCase_Department_Status",
                table: "AidCase",
                columns: new[] { "Department", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AidCase_Number",
                table: "AidCase",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AidCase_WorkerId",
                table: "AidCase",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_AidCaseCoHandler_AidCaseId_Department",
                table: "AidCaseCoHandler",
                columns: new[] { "AidCaseId", "Department" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AidCaseCoHandler_Department",
                table: "AidCaseCoHandler",
                column: "Department");

            migrationBuilder.CreateIndex(
                name: "IX_AidPayment_AidCaseId",
                table: "AidPayment",
                column: "AidCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AidStep_AidCaseId",
                table: "AidStep",
                column: "AidCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Condolence_At",
                table: "Condolence",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Condolence_WorkerId_At",
                table: "Condolence",
                columns: new[] { "WorkerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceVisit_VisitedAt",
                table: "ServiceVisit",
                column: "VisitedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceVisit_WorkerId_VisitedAt",
                table: "ServiceVisit",
                columns: new[] { "WorkerId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketCoHandler_Department",
                table: "TicketCoHandler",
                column: "Department");

            migrationBuilder.CreateIndex(
                name: "IX_TicketCoHandler_ServiceRequestId_Department",
                table: "TicketCoHandler",
                columns: new[] { "ServiceRequestId", "Department" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_Name",
                table: "Volunteer",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerAssignment_AssignedAt",
                table: "VolunteerAssignment",
                column: "AssignedAt");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerAssignment_TicketNumber",
                table: "VolunteerAssignment",
                column: "TicketNumber");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerAssignment_VolunteerId",
                table: "VolunteerAssignment",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerAssignment_WorkerId",
                table: "VolunteerAssignment",
                column: "WorkerId");

            migrationBuilder.AddForeignKey(
                name: "FK_Worker_Worker_LiaisonId",
                table: "Worker",
                column: "LiaisonId",
                principalTable: "Worker",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Worker_Worker_LiaisonId",
                table: "Worker");

            migrationBuilder.DropTable(
                name: "AidCaseCoHandler");

            migrationBuilder.DropTable(
                name: "AidPayment");

            migrationBuilder.DropTable(
                name: "AidStep");

            migrationBuilder.DropTable(
                name: "Condolence");

            migrationBuilder.DropTable(
                name: "ServiceVisit");

            migrationBuilder.DropTable(
                name: "TicketCoHandler");

            migrationBuilder.DropTable(
                name: "VolunteerAssignment");

            migrationBuilder.DropTable(
                name: "AidCase");

            migrationBuilder.DropTable(
                name: "Volunteer");

            migrationBuilder.DropIndex(
                name: "IX_Worker_LiaisonId",
                table: "Worker");

            migrationBuilder.DropColumn(
                name: "LiaisonId",
                table: "Worker");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Worker");

            migrationBuilder.DropColumn(
                name: "RequesterName",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "RequesterRelation",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "ActorDepartment",
                table: "ServiceRequestHistory");

            migrationBuilder.DropColumn(
                name: "ActorName",
                table: "ServiceRequestHistory");

            migrationBuilder.DropColumn(
                name: "Internal",
                table: "ServiceRequestHistory");
        }
    }
}
