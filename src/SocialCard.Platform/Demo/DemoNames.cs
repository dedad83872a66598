namespace SocialCard.Platform.Demo;

/// <summary>Common surnames and given-name characters for plausible Chinese names.</summary>
internal static class DemoNames
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓", "冯", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余",
        "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖",
        "欧阳", "司马", "诸葛", "上官",
    ];

    public static readonly string[] GivenMale =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩",
        "俊", "帅", "建", "国", "志", "文", "博", "晨", "子", "轩", "睿", "航", "然", "泽", "瑞", "凯", "天", "成", "东", "海",
    ];

    public static readonly string[] GivenFemale =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "燕", "婷", "雪", "慧", "琳", "颖", "倩", "欣", "怡", "悦",
        "晶", "洁", "雯", "佳", "梦", "诗", "涵", "萱", "琪", "瑶", "菲", "思", "蕾", "薇", "月", "兰", "梅", "凤", "红", "英",
    ];

    /// <summary>Chengdu districts and a few other regions (GB/T 2260 county codes).</summary>
    public static readonly string[] Regions =
    [
        "510104", "510105", "510106", "510107", "510108", "510112", "510113", "510114", "510115", "510116", "510121", "510182",
        "320506", "320505", "320583", "110105", "310115", "440305", "500103", "420106", "610113", "330106",
    ];

    public static readonly string[] UnitWords =
    [
        "科技", "信息", "建设", "物流", "医疗", "教育", "食品", "商贸", "能源", "环保", "机械", "电子", "金融服务", "文化传媒", "人力资源",
    ];

    public static readonly string[] Places = ["成都", "四川", "天府", "锦江", "蜀都", "西南", "川西", "青羊", "武侯", "金牛"];

    public static readonly string[] Departments = ["综合管理部", "财务部", "技术中心", "市场部", "生产车间", "人力资源部", "研发部", "客户服务部"];

    public static readonly string[] Teams = ["一组", "二组", "三组", "运营室", "质检室"];

    public static readonly string[] Branches = ["金牛支行", "武侯支行", "锦江支行", "青羊支行", "高新支行", "成华支行", "天府新区支行"];
}
