using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomIncidentCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CustomCategoryId",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustomIncidentCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomIncidentCategories", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CustomCategoryId",
                table: "Incidents",
                column: "CustomCategoryId");

            migrationBuilder.CreateIndex(
                name: "UX_CustomIncidentCategories_Name",
                table: "CustomIncidentCategories",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Incidents_CustomIncidentCategories_CustomCategoryId",
                table: "Incidents",
                column: "CustomCategoryId",
                principalTable: "CustomIncidentCategories",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Incidents_CustomIncidentCategories_CustomCategoryId",
                table: "Incidents");

            migrationBuilder.DropTable(
                name: "CustomIncidentCategories");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_CustomCategoryId",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "CustomCategoryId",
                table: "Incidents");
        }
    }
}
