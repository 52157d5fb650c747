using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LeerlingzorgPortal.Web.Data.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReferralId = table.Column<int>(type: "integer", nullable: false),
                    PupilId = table.Column<int>(type: "integer", nullable: false),
                    AgencyKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SharedInformation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConsentBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExpectedFeedbackOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FeedbackReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Feedback = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LocationId = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MeasuresTaken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ParentsInformed = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUpNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    ReportedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReferralId = table.Column<int>(type: "integer", nullable: false),
                    PupilId = table.Column<int>(type: "integer", nullable: false),
                    LocationId = table.Column<int>(type: "integer", nullable: false),
                    StartedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    PupilId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrackId = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    VeiligThuisConsulted = table.Column<bool>(type: "boolean", nullable: true),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: true),
                    SkippedReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Answers = table.Column<string>(type: "text", nullable: true),
                    OrganiseHelp = table.Column<bool>(type: "boolean", nullable: true),
                    ReportToVeiligThuis = table.Column<bool>(type: "boolean", nullable: true),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    TrackId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
