using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.PostgreSql
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustomIncidentCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
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
