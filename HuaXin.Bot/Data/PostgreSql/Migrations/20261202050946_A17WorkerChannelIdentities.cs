using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HuaXin.Bot.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class A17WorkerChannelIdentities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkerChannelIdentity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerChannelIdentity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkerChannelIdentity_Worker_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Worker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Copy the roster's ids before the columns go. Channel names as ChannelNames had them at this migration; an id
            // that two workers shared goes to the first of them, as the unique index now demands.
            migrationBuilder.Sql(
                """
                INSERT INTO "WorkerChannelIdentity" ("WorkerId", "Channel", "ExternalId")
                SELECT MIN("Id"), 'dingtalk', "DingTalkId" FROM "Worker" WHERE "DingTalkId" IS NOT NULL AND "DingTalkId" <> '' GROUP BY "DingTalkId";
                INSERT INTO "WorkerChannelIdentity" ("WorkerId", "Channel", "ExternalId")
                SELECT MIN("Id"), 'msteams', "TeamsId" FROM "Worker" WHERE "TeamsId" IS NOT NULL AND "TeamsId" <> '' GROUP BY "TeamsId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WorkerChannelIdentity_Channel_ExternalId",
                table: "WorkerChannelIdentity",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkerChannelIdentity_WorkerId",
                table: "WorkerChannelIdentity",
                column: "WorkerId");

            migrationBuilder.DropIndex(
                name: "IX_Worker_DingTalkId",
                table: "Worker");

            migrationBuilder.DropIndex(
                name: "IX_Worker_TeamsId",
                table: "Worker");

            migrationBuilder.DropColumn(
                name: "DingTalkId",
                table: "Worker");

            migrationBuilder.DropColumn(
                name: "TeamsId",
                table: "Worker");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DingTalkId",
                table: "Worker",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeamsId",
                table: "Worker",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Worker_DingTalkId",
                table: "Worker",
                column: "DingTalkId");

            migrationBuilder.CreateIndex(
                name: "IX_Worker_TeamsId",
                table: "Worker",
                column: "TeamsId");

            migrationBuilder.Sql(
                """
                UPDATE "Worker" SET
                    "DingTalkId" = (SELECT i."ExternalId" FROM "WorkerChannelIdentity" i WHERE i."WorkerId" = "Worker"."Id" AND i."Channel" = 'dingtalk'),
                    "TeamsId" = (SELECT i."ExternalId" FROM "WorkerChannelIdentity" i WHERE i."WorkerId" = "Worker"."Id" AND i."Channel" = 'msteams');
                """);

            migrationBuilder.DropTable(
                name: "WorkerChannelIdentity");
        }
    }
}
