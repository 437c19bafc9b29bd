using Convertify.Text;

namespace Convertify.Archive.Text;

/// <summary>
/// Guesses <c>zh-Hans</c>, <c>zh-Hant</c> or <c>en</c> from text: mostly Latin letters is English; otherwise the count of
/// simplified-only against traditional-only characters from a table of common pairs decides.
/// </summary>
internal static class LanguageDetector
{
    // Pairs of common characters whose simplified and traditional forms differ: simplified first.
    private const string Pairs =
        "这這个個们們国國说說时時会會对對发發经經后後过過为為来來还還进進没沒现現动動问問开開关關长長门門东東车車书書学學实實当當点點体體" +
        "机機电電网網报報导導领領与與从從将將应應让讓认認议議论論记記话話请請语語读讀谁誰调調变變间間区區华華军軍业業产產员員际際济濟务務" +
        "万萬亿億价價权權总總统統选選举舉战戰党黨两兩种種样樣们們热熱图圖场場边邊园園头頭买買卖賣钱錢银銀难難医醫药藥农農财財贸貿运運" +
        "输輸视視听聽见見观觀师師专專传傳边邊团團宁寧岁歲归歸飞飛马馬鸟鳥鱼魚龙龍县縣乡鄉镇鎮职職组組织織级級结結给給绝絕续續线線练練" +
        "际際陆陸陈陳阶階随隨险險钟鐘铁鐵错錯锁鎖门們闻聞闭閉问問间間类類须須顾顧领領题題风風饭飯馆館驻駐验驗构構标標检檢极極权權样樣" +
        "汉漢沟溝没沒泽澤洁潔浅淺测測济濟浓濃涨漲渔漁湾灣滚滾灭滅灯燈灵靈炼煉烟煙热熱爱愛独獨狱獄猎獵环環现現玛瑪电電画畫畅暢疗療" +
        "监監盖蓋盘盤矿礦码碼础礎确確礼禮离離秘祕积積称稱税稅稳穩穷窮竞競笔筆笼籠筑築简簡签簽粮糧紧緊红紅约約级級纪紀纳納纸紙线線练練" +
        "组組细細终終经經绍紹络絡绘繪统統继繼绩績维維综綜缘緣编編缩縮罗羅罚罰职職联聯肃肅胁脅胜勝脑腦脚腳脸臉节節范範荣榮药藥获獲" +
        "营營虑慮虽雖补補装裝规規觉覺览覽订訂计計讨討训訓记記讲講许許设設访訪证證评評识識诉訴词詞试試诗詩诚誠详詳语語误誤说說请請" +
        "读讀课課谈談谋謀谓謂谢謝谨謹贝貝负負贡貢财財责責败敗货貨质質购購贴貼费費资資赛賽赵趙跃躍轨軌转轉轮輪软軟较較辆輛辑輯输輸" +
        "边邊达達迁遷过過运運还還这這进進远遠连連选選递遞逻邏遗遺邓鄧邮郵钢鋼钱錢铁鐵银銀销銷锋鋒锦錦长長门門闪閃闹鬧阅閱队隊阳陽" +
        "际際险險隐隱难難预預领領频頻颁頒风風饮飲驱驅骂罵验驗鲁魯鸡雞齐齊龄齡亚亞仓倉仪儀优優传傳伤傷伦倫侦偵侨僑储儲儿兒兴興养養";

    // What Detect counts, as flags per UTF-16 code unit: it looks at up to 6,000 characters of every article, and one
    // table lookup is much cheaper than the range tests and two hash-set probes it replaces.
    private const byte LatinFlag = 1, CjkFlag = 2, SimplifiedFlag = 4, TraditionalFlag = 8;
    private static readonly byte[] Script = new byte[char.MaxValue + 1];

    static LanguageDetector()
    {
        // The sets are needed only to fill the table.
        HashSet<char> simplified = [], traditional = [];
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
        {
            if (Pairs[i] != Pairs[i + 1])
            {
                simplified.Add(Pairs[i]);
                traditional.Add(Pairs[i + 1]);
            }
        }
        // A character listed on both sides counts as traditional only.
        simplified.ExceptWith(traditional);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsAsciiLetter((char)c))
            {
                Script[c] = LatinFlag;
            }
            else if (c >= 0x2E80 && CjkText.IsCjk((char)c))
            {
                Script[c] = CjkFlag;
            }
        }
        foreach (var c in traditional)
        {
            Script[c] |= TraditionalFlag;
        }
        foreach (var c in simplified)
        {
            Script[c] |= SimplifiedFlag;
        }
    }

    /// <summary>Looks at the first <paramref name="limit"/> characters of the title, a line break and the body text.</summary>
    public static string Detect(string title, string bodyText, int limit = 6000)
    {
        var counts = new Counts();
        var head = title.AsSpan(0, Math.Min(title.Length, limit));
        counts.Add(head);
        var rest = limit - title.Length - 1;
        if (rest > 0)
        {
            counts.Add(bodyText.AsSpan(0, Math.Min(bodyText.Length, rest)));
        }
        return counts.Decide();
    }

    private struct Counts
    {
        private int _cjk, _latin, _simplified, _traditional;

        public void Add(ReadOnlySpan<char> span)
        {
            // A histogram of the flag bytes, in two halves so that neighbouring characters do not wait on the same
            // counter; branches on the flags would mispredict on every change of script.
            Span<int> even = stackalloc int[16];
            Span<int> odd = stackalloc int[16];
            var table = Script;
            var i = 0;
            for (; i + 1 < span.Length; i += 2)
            {
                even[table[span[i]]]++;
                odd[table[span[i + 1]]]++;
            }
            if (i < span.Length)
            {
                even[table[span[i]]]++;
            }
            for (var flags = 1; flags < 16; flags++)
            {
                var n = even[flags] + odd[flags];
                if (flags == LatinFlag)
                {
                    _latin += n;
                }
                else if ((flags & CjkFlag) != 0)
                {
                    _cjk += n;
                    if ((flags & SimplifiedFlag) != 0)
                    {
                        _simplified += n;
                    }
                    else if ((flags & TraditionalFlag) != 0)
                    {
                        _traditional += n;
                    }
                }
            }
        }

        public readonly string Decide()
        {
            int cjk = _cjk, latin = _latin, simplified = _simplified, traditional = _traditional;
            // Latin letters count about five to a word; one CJK character is about a word.
            if (cjk == 0 ? latin > 0 : latin / 5 > cjk * 2)
            {
                return "en";
            }
            if (cjk == 0)
            {
                return "und";
            }
            return traditional > simplified ? "zh-Hant" : "zh-Hans";
        }
    }
}
