using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.SqlServer
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
                type: "nvarchar(max)",
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
                type: "varbinary(max)",
                nullable: false,
                defaultValue: new byte[0]);
        }
    }
}
