using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuaXin.Bot.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class W15DeviceLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeviceLink",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceLink", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceLink_Channel_OwnerUserId",
                table: "DeviceLink",
                columns: new[] { "Channel", "OwnerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceLink_Channel_UserId",
                table: "DeviceLink",
                columns: new[] { "Channel", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceLink");
        }
    }
}
