using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PupilSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Pupils",
                type: "TEXT",
                maxLength: 243,
                nullable: false,
                defaultValue: "");

            // Existing pupils: the same text as Pupil.SearchText, lower-cased by the database. SQL lower() may
            // leave non-ASCII capitals (as the search did before); the next correction of the pupil's name
            // recomputes the text with .NET's invariant lower-casing.
            migrationBuilder.Sql(
                """
                UPDATE "Pupils" SET "SearchText" = lower("Number" || ' ' || "FirstName" || COALESCE(' ' || "NamePrefix", '') || ' ' || "LastName");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Pupils_Location_SearchText",
                table: "Pupils",
                columns: new[] { "LocationId", "SearchText" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Pupils_Location_SearchText",
                table: "Pupils");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Pupils");
        }
    }
}
