using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentsReferralsMeldcode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExternalReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SharedInformation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConsentBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExpectedFeedbackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeedbackReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalReferrals_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MeasuresTaken = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ParentsInformed = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeldcodeTracks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<int>(type: "INTEGER", nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeldcodeTracks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeldcodeTracks_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentParticipants",
                columns: table => new
                {
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentParticipants", x => new { x.IncidentId, x.PupilId });
                    table.ForeignKey(
                        name: "FK_IncidentParticipants_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentParticipants_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeldcodeEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrackId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VeiligThuisConsulted = table.Column<bool>(type: "INTEGER", nullable: true),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: true),
                    SkippedReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Answers = table.Column<string>(type: "text", nullable: true),
                    OrganiseHelp = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReportToVeiligThuis = table.Column<bool>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeldcodeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeldcodeEntries_MeldcodeTracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "MeldcodeTracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeldcodeMembers",
                columns: table => new
                {
                    TrackId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffMemberId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeldcodeMembers", x => new { x.TrackId, x.StaffMemberId });
                    table.ForeignKey(
                        name: "FK_MeldcodeMembers_MeldcodeTracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "MeldcodeTracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalReferrals_Referral",
                table: "ExternalReferrals",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentParticipants_Pupil",
                table: "IncidentParticipants",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Location_OccurredAt",
                table: "Incidents",
                columns: new[] { "LocationId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeldcodeEntries_TrackId",
                table: "MeldcodeEntries",
                column: "TrackId");

            migrationBuilder.CreateIndex(
                name: "IX_MeldcodeTracks_ReferralId",
                table: "MeldcodeTracks",
                column: "ReferralId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExternalReferrals");

            migrationBuilder.DropTable(
                name: "IncidentParticipants");

            migrationBuilder.DropTable(
                name: "MeldcodeEntries");

            migrationBuilder.DropTable(
                name: "MeldcodeMembers");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "MeldcodeTracks");
        }
    }
}
