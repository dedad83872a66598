using System.Text;
using SocialCard.Platform.Bulk;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Bulk;

public sealed class BulkNamingTests
{
    private static StaffList Staff(string csv) => StaffList.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "staff.csv");

    [Fact]
    public void Photos_named_by_id_number_or_name_are_renamed_to_the_personal_number_and_mismatches_are_listed()
    {
        string id1 = Samples.ResidentId(seq: 101), id2 = Samples.ResidentId(seq: 102), id3 = Samples.ResidentId(seq: 103);
        StaffList staff = Staff($"姓名,身份证号码,个人编号\n张三,{id1},0900000001\n李四,{id2},0900000002\n王五,{id3},0900000003\n王五,{Samples.ResidentId(seq: 104)},0900000004\n赵六,{Samples.ResidentId(seq: 105)},0900000005\n");
        Assert.Empty(staff.Errors);

        IReadOnlyList<BulkPhotoName> names = BulkNaming.Resolve(
            ["0900000001.jpg", id2.ToLowerInvariant() + ".jpg", "张三.JPG", "王五.jpg", "陌生人.jpg", Samples.ResidentId(seq: 199) + ".jpg"], staff, out IReadOnlyList<StaffMember> withoutPhoto);

        Assert.Equal(("0900000001", BulkNameSource.PersonalNumber), (names[0].PersonalNumber, names[0].Source));
        Assert.True(names[0].IsResolved);
        Assert.Equal(("0900000002", BulkNameSource.IdNumber), (names[1].PersonalNumber, names[1].Source));
        Assert.True(names[1].IsResolved);

        // 张三 is 0900000001 too, which the first photo already has.
        Assert.Equal("0900000001", names[2].PersonalNumber);
        Assert.False(names[2].IsResolved);
        Assert.Contains("已有另一张照片", names[2].ProblemZh, StringComparison.Ordinal);

        Assert.Null(names[3].PersonalNumber);
        Assert.Contains("2 位同名", names[3].ProblemZh, StringComparison.Ordinal);
        Assert.Null(names[4].PersonalNumber);
        Assert.Contains("没有与文件名相同", names[4].ProblemZh, StringComparison.Ordinal);
        Assert.Contains("身份证号码为", names[5].ProblemZh, StringComparison.Ordinal);
        Assert.Contains("****", names[5].ProblemZh, StringComparison.Ordinal);

        Assert.Equal(["0900000003", "0900000004", "0900000005"], withoutPhoto.Select(m => m.PersonalNumber));
    }

    [Fact]
    public void Without_a_staff_list_only_personal_numbers_name_a_photo()
    {
        IReadOnlyList<BulkPhotoName> names = BulkNaming.Resolve(["0900000001.jpg", "张三.jpg"], null, out IReadOnlyList<StaffMember> withoutPhoto);
        Assert.True(names[0].IsResolved);
        Assert.False(names[1].IsResolved);
        Assert.Contains("员工名单", names[1].ProblemZh, StringComparison.Ordinal);
        Assert.Empty(withoutPhoto);
    }

    [Fact]
    public void Staff_list_rows_without_a_valid_personal_number_are_errors_and_a_list_without_the_columns_is_refused()
    {
        StaffList staff = Staff("name,id_number,personal_number\n张三,,12345\n李四,,0900000002\n");
        Assert.Single(staff.Members);
        Assert.Equal(2, Assert.Single(staff.Errors).Row);

        StaffList wrong = Staff("a,b\n1,2\n");
        Assert.Empty(wrong.Members);
        Assert.Equal("header", Assert.Single(wrong.Errors).Field);
    }

    [Fact]
    public void Lists_show_file_names_with_id_numbers_and_names_masked()
    {
        string id = Samples.ResidentId(seq: 101);
        Assert.Equal("0900000001.jpg", BulkNaming.MaskFileName("0900000001.jpg"));
        Assert.DoesNotContain(id, BulkNaming.MaskFileName(id + ".jpg"), StringComparison.Ordinal);
        Assert.Equal("张*.jpg", BulkNaming.MaskFileName("张三.jpg"));
    }
}
