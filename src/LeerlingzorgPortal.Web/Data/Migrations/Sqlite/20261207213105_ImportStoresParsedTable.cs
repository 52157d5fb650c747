using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportStoresParsedTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Content",
                table: "ImportUploads");

            migrationBuilder.AddColumn<string>(
                name: "Table",
                table: "ImportUploads",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Table",
                table: "ImportUploads");

            migrationBuilder.AddColumn<byte[]>(
                name: "Content",
                table: "ImportUploads",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);
        }
    }
}
