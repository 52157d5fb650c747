using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.PostgreSql
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinutesToTriage",
                table: "Referrals",
                type: "integer",
                nullable: true);

            // Existing cases get their durations too.
            migrationBuilder.Sql(ReferralDurationBackfill.PostgreSql);

            migrationBuilder.CreateTable(
                name: "CareYearReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LocationId = table.Column<int>(type: "integer", nullable: false),
                    SchoolYearStart = table.Column<int>(type: "integer", nullable: false),
                    FiguresComment = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    PolicyEvaluation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    GoalsNextYear = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    UpdatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
