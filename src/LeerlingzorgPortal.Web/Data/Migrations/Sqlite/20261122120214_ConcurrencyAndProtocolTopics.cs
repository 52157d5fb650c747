using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConcurrencyAndProtocolTopics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Protocols_Topic",
                table: "Protocols");

            migrationBuilder.AddColumn<long>(
                name: "AdmittedAt",
                table: "InterventionEnrolments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "ExternalOrganisations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Accommodations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "UX_Protocols_ActiveTopic",
                table: "Protocols",
                column: "Topic",
                unique: true,
                filter: "\"IsActive\" AND \"Topic\" <> 'Other'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Protocols_ActiveTopic",
                table: "Protocols");

            migrationBuilder.DropColumn(
                name: "AdmittedAt",
                table: "InterventionEnrolments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ExternalOrganisations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Accommodations");

            migrationBuilder.CreateIndex(
                name: "IX_Protocols_Topic",
                table: "Protocols",
                column: "Topic");
        }
    }
}
