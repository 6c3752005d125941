using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuaXin.Bot.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SharedKeysRequestKeysFailedAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestKey",
                table: "ServiceRequests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FailedAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FailedAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_RequestKey",
                table: "ServiceRequests",
                column: "RequestKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FailedAttempts_At",
                table: "FailedAttempts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_FailedAttempts_Scope_Key_At",
                table: "FailedAttempts",
                columns: new[] { "Scope", "Key", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "FailedAttempts");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_RequestKey",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "RequestKey",
                table: "ServiceRequests");
        }
    }
}
