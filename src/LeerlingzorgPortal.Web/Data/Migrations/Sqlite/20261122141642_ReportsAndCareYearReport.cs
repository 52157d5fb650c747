using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportsAndCareYearReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MinutesToFirstAction",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinutesToTriage",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            // Existing cases get their durations too.
            migrationBuilder.Sql(ReferralDurationBackfill.Sqlite);

            migrationBuilder.CreateTable(
                name: "CareYearReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    FiguresComment = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PolicyEvaluation = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    GoalsNextYear = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareYearReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareYearReports_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Location_SubmittedAt",
                table: "Referrals",
                columns: new[] { "LocationId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CareYearReports_LocationId_SchoolYearStart",
                table: "CareYearReports",
                columns: new[] { "LocationId", "SchoolYearStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareYearReports");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Location_SubmittedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "MinutesToFirstAction",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "MinutesToTriage",
                table: "Referrals");
        }
    }
}
