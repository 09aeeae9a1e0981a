using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerPath.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddFeedbackRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RoundId",
                table: "FeedbackRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "FeedbackRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnswerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackRounds_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackComments",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackRoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackComments", x => new { x.FeedbackRoundId, x.Position });
                    table.ForeignKey(
                        name: "FK_FeedbackComments_FeedbackRounds_FeedbackRoundId",
                        column: x => x.FeedbackRoundId,
                        principalTable: "FeedbackRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackFigures",
                columns: table => new
                {
                    Group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SkillSlug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    FeedbackRoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Responses = table.Column<int>(type: "INTEGER", nullable: false),
                    Average = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackFigures", x => new { x.FeedbackRoundId, x.Group, x.SkillSlug });
                    table.ForeignKey(
                        name: "FK_FeedbackFigures_FeedbackRounds_FeedbackRoundId",
                        column: x => x.FeedbackRoundId,
                        principalTable: "FeedbackRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRequests_RoundId",
                table: "FeedbackRequests",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRounds_ClosedAtUtc_ClosesAtUtc",
                table: "FeedbackRounds",
                columns: new[] { "ClosedAtUtc", "ClosesAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRounds_OwnerId",
                table: "FeedbackRounds",
                column: "OwnerId");

            // Requests made before rounds existed become one open round per user, closing when their last link
            // expires; the app then closes it like any other round, folding the answers into results and erasing
            // them. MATERIALIZED keeps SQLite from re-evaluating randomblob() for each use of the id.
            migrationBuilder.Sql("""
                WITH earlier AS MATERIALIZED (
                    SELECT hex(randomblob(16)) AS h, OwnerId, min(CreatedAtUtc) AS Created, max(ExpiresAtUtc) AS Closes
                    FROM FeedbackRequests GROUP BY OwnerId)
                INSERT INTO FeedbackRounds (Id, OwnerId, Name, CreatedAtUtc, ClosesAtUtc, ClosedAtUtc, AnswerCount, Version)
                SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12),
                       OwnerId, 'Earlier feedback', Created, Closes, NULL, 0,
                       substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)
                FROM earlier;
                UPDATE FeedbackRequests SET RoundId = (SELECT r.Id FROM FeedbackRounds r WHERE r.OwnerId = FeedbackRequests.OwnerId);
                """);

            migrationBuilder.AddForeignKey(
                name: "FK_FeedbackRequests_FeedbackRounds_RoundId",
                table: "FeedbackRequests",
                column: "RoundId",
                principalTable: "FeedbackRounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FeedbackRequests_FeedbackRounds_RoundId",
                table: "FeedbackRequests");

            migrationBuilder.DropTable(
                name: "FeedbackComments");

            migrationBuilder.DropTable(
                name: "FeedbackFigures");

            migrationBuilder.DropTable(
                name: "FeedbackRounds");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackRequests_RoundId",
                table: "FeedbackRequests");

            migrationBuilder.DropColumn(
                name: "RoundId",
                table: "FeedbackRequests");
        }
    }
}
