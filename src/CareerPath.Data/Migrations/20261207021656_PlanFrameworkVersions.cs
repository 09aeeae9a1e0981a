using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerPath.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanFrameworkVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FrameworkVersionId",
                table: "SkillAudits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FrameworkVersionId",
                table: "Roadmaps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FrameworkVersionId",
                table: "Goals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FrameworkVersionId",
                table: "FeedbackRounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FrameworkVersionId",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkillAudits_FrameworkVersionId",
                table: "SkillAudits",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Roadmaps_FrameworkVersionId",
                table: "Roadmaps",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_FrameworkVersionId",
                table: "Goals",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRounds_FrameworkVersionId",
                table: "FeedbackRounds",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_FrameworkVersionId",
                table: "AspNetUsers",
                column: "FrameworkVersionId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_FrameworkVersions_FrameworkVersionId",
                table: "AspNetUsers",
                column: "FrameworkVersionId",
                principalTable: "FrameworkVersions",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_FeedbackRounds_FrameworkVersions_FrameworkVersionId",
                table: "FeedbackRounds",
                column: "FrameworkVersionId",
                principalTable: "FrameworkVersions",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Goals_FrameworkVersions_FrameworkVersionId",
                table: "Goals",
                column: "FrameworkVersionId",
                principalTable: "FrameworkVersions",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Roadmaps_FrameworkVersions_FrameworkVersionId",
                table: "Roadmaps",
                column: "FrameworkVersionId",
                principalTable: "FrameworkVersions",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_SkillAudits_FrameworkVersions_FrameworkVersionId",
                table: "SkillAudits",
                column: "FrameworkVersionId",
                principalTable: "FrameworkVersions",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_FrameworkVersions_FrameworkVersionId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_FeedbackRounds_FrameworkVersions_FrameworkVersionId",
                table: "FeedbackRounds");

            migrationBuilder.DropForeignKey(
                name: "FK_Goals_FrameworkVersions_FrameworkVersionId",
                table: "Goals");

            migrationBuilder.DropForeignKey(
                name: "FK_Roadmaps_FrameworkVersions_FrameworkVersionId",
                table: "Roadmaps");

            migrationBuilder.DropForeignKey(
                name: "FK_SkillAudits_FrameworkVersions_FrameworkVersionId",
                table: "SkillAudits");

            migrationBuilder.DropIndex(
                name: "IX_SkillAudits_FrameworkVersionId",
                table: "SkillAudits");

            migrationBuilder.DropIndex(
                name: "IX_Roadmaps_FrameworkVersionId",
                table: "Roadmaps");

            migrationBuilder.DropIndex(
                name: "IX_Goals_FrameworkVersionId",
                table: "Goals");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackRounds_FrameworkVersionId",
                table: "FeedbackRounds");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_FrameworkVersionId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "FrameworkVersionId",
                table: "SkillAudits");

            migrationBuilder.DropColumn(
                name: "FrameworkVersionId",
                table: "Roadmaps");

            migrationBuilder.DropColumn(
                name: "FrameworkVersionId",
                table: "Goals");

            migrationBuilder.DropColumn(
                name: "FrameworkVersionId",
                table: "FeedbackRounds");

            migrationBuilder.DropColumn(
                name: "FrameworkVersionId",
                table: "AspNetUsers");
        }
    }
}
