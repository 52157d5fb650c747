using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CarePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CarePlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedEstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstActivatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastEvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PupilView = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlans_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CarePlans_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CarePlans_StaffMembers_ResponsibleId",
                        column: x => x.ResponsibleId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanConsents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CarePlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Agreed = table.Column<bool>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GivenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanConsents_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CarePlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Results = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanEvaluations_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanMeasureEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CarePlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanMeasureEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanMeasureEvaluations_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CarePlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    SavedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanVersions_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanConsents_CarePlanId",
                table: "CarePlanConsents",
                column: "CarePlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanEvaluations_CarePlanId",
                table: "CarePlanEvaluations",
                column: "CarePlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanMeasureEvaluations_CarePlanId",
                table: "CarePlanMeasureEvaluations",
                column: "CarePlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_Kind_Status_Responsible",
                table: "CarePlans",
                columns: new[] { "Kind", "Status", "ResponsibleId" });

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_PupilId",
                table: "CarePlans",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_Referral",
                table: "CarePlans",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_ResponsibleId",
                table: "CarePlans",
                column: "ResponsibleId");

            migrationBuilder.CreateIndex(
                name: "UX_CarePlanVersions_Plan_Number",
                table: "CarePlanVersions",
                columns: new[] { "CarePlanId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CarePlanConsents");

            migrationBuilder.DropTable(
                name: "CarePlanEvaluations");

            migrationBuilder.DropTable(
                name: "CarePlanMeasureEvaluations");

            migrationBuilder.DropTable(
                name: "CarePlanVersions");

            migrationBuilder.DropTable(
                name: "CarePlans");
        }
    }
}
